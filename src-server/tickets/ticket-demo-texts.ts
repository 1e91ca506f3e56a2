/** What demo tickets say, per category: subjects, descriptions and the agents' answers. */
export interface DemoTicketTexts {
  readonly subjects: readonly string[];
  readonly descriptions: readonly string[];
  readonly answers: readonly string[];
  readonly solutions: readonly string[];
}

export const demoTicketTexts: Record<string, DemoTicketTexts> = {
  facturacion: {
    subjects: [
      'Cobro doble en la factura',
      'Valor de la factura muy alto',
      'No me llegó la factura',
      'Cargo que no reconozco',
    ],
    descriptions: [
      'En la factura de este mes aparece dos veces el cargo de alcantarillado.',
      'La factura llegó por el doble de lo normal y en la casa somos los mismos.',
      'Este mes no recibí la factura en la dirección y no sé cuánto debo pagar.',
      'Aparece un cargo por reconexión y nunca nos suspendieron el servicio.',
    ],
    answers: [
      'Estamos revisando el histórico de consumo de su cuenta.',
      '¿Nos confirma el código interno que aparece en la factura?',
    ],
    solutions: [
      'Anulamos el cargo repetido; se verá en la próxima factura.',
      'Revisamos la lectura: el consumo es correcto por una fuga interna.',
    ],
  },
  pagos: {
    subjects: ['Pagué y sigue apareciendo la deuda', 'Recarga del prepago no aplicada', 'Pago doble'],
    descriptions: [
      'Pagué en el banco hace tres días y en el kiosco sigue saliendo la factura pendiente.',
      'Recargué el prepago en el corresponsal y el saldo no cambió.',
      'Pagué la misma factura en el kiosco y en el banco.',
    ],
    answers: ['El banco reporta los pagos al día siguiente hábil; lo estamos verificando.'],
    solutions: [
      'El pago ya quedó aplicado a su factura.',
      'El valor pagado dos veces quedó como saldo a favor en su cuenta.',
    ],
  },
  lectura: {
    subjects: ['Medidor dañado', 'Lectura mal tomada', 'Solicitud de revisión del medidor'],
    descriptions: [
      'El medidor tiene el vidrio roto y no se ve el número.',
      'La lectura de la factura no coincide con la del medidor.',
      'El medidor sigue girando con todas las llaves cerradas.',
    ],
    answers: ['Programamos una visita técnica para revisar el medidor.'],
    solutions: [
      'El técnico cambió el medidor y ajustó la lectura.',
      'La lectura se corrigió y la factura se reliquidó.',
    ],
  },
  servicio: {
    subjects: ['Sin agua desde ayer', 'Baja presión', 'Agua turbia'],
    descriptions: [
      'En el barrio no hay agua desde ayer en la tarde.',
      'La presión es muy baja en las mañanas y no sube al segundo piso.',
      'El agua sale de color café desde el lunes.',
    ],
    answers: ['Hay un daño en la red del sector; la cuadrilla ya está trabajando.'],
    solutions: ['El daño se reparó y el servicio quedó normal.', 'Se hizo lavado de la red del sector.'],
  },
  cuenta: {
    subjects: ['Cambio de nombre del titular', 'Actualizar correo', 'No puedo entrar a mi cuenta'],
    descriptions: [
      'Compré la casa y necesito que la cuenta quede a mi nombre.',
      'Quiero recibir la factura en otro correo.',
      'El kiosco dice que mi contraseña no es correcta.',
    ],
    answers: ['Por favor adjunte el certificado de tradición y libertad.'],
    solutions: ['La cuenta quedó a nombre del nuevo titular.', 'Actualizamos su correo; ya puede ingresar.'],
  },
  certificados: {
    subjects: ['El certificado no salió', 'Certificado con datos errados'],
    descriptions: [
      'Compré un certificado en el kiosco y el dispensador no lo entregó.',
      'El certificado muestra una dirección anterior de la empresa.',
    ],
    answers: ['Revisamos la compra con el número de recibo.'],
    solutions: [
      'El valor volvió a su prepago.',
      'Se corrigió la dirección en el registro; puede comprar de nuevo el certificado.',
    ],
  },
  otro: {
    subjects: ['Solicitud de información', 'Felicitación', 'Queja por la atención'],
    descriptions: [
      'Quiero saber qué documentos necesito para una conexión nueva.',
      'Quiero felicitar al funcionario que me atendió en la oficina.',
      'Esperé más de una hora en la oficina para ser atendido.',
    ],
    answers: ['Gracias por escribirnos; revisamos su solicitud.'],
    solutions: [
      'Le enviamos la lista de requisitos a su correo.',
      'Tomamos nota y lo compartimos con el equipo de la oficina.',
    ],
  },
};
