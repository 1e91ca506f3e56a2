/**
 * «Términos y condiciones de uso - Prepago de Servicios» as the guide gives them (the prepaid
 * service's guide, step 7), adapted to the three ways this service is paid and with the data
 * treatment notice Ley 1581 asks for. Shown and accepted before anything else; the acceptance
 * records `version` and the SHA-256 of `text` (computed by the server), so a changed text must
 * come with a new version.
 */
export const walletTerms = {
  version: '2026-1',
  title: 'Términos y condiciones de uso - Prepago de Servicios',
  text: [
    'El prepago de servicios consiste en la posibilidad que le brinda nuestra organización de realizar un pago por anticipado de los servicios que usted desea adquirir con nosotros, entre ellos, la posibilidad de comprar anticipadamente certificados para luego solicitarlos en el momento que lo requiera, sea a través de nuestra página web o en los dispensadores que para el efecto hemos puesto a su servicio.',
    'Usted puede prepagar los servicios en forma electrónica, con cargo directo a su tarjeta de crédito o a su cuenta de ahorros o corriente; con el volante de pago en los bancos y corresponsales bancarios con los que tenemos convenio de recaudo; o en la caja de cualquiera de nuestras oficinas.',
    'El valor por usted prepagado no tiene vencimiento y podrá utilizarlo en cualquier momento.',
    'Tan pronto se confirme el pago por usted realizado, le enviaremos a su correo electrónico el soporte del pago con una clave de acceso, la cual estará vinculada con su cuenta y le será solicitada al momento de hacer una compra con cargo al mismo.',
    'Por favor guarde la clave en un lugar seguro. Nunca se la pediremos por teléfono, por mensaje ni por correo. Si la olvida, puede solicitar una clave nueva, que le enviaremos al correo registrado.',
    'Los datos que usted registra (identificación, nombres o razón social, correo, teléfonos, dirección y municipio) se usan para expedir el recibo de caja, enviarle el soporte del pago y la clave, y atender el prepago, conforme a la Ley 1581 de 2012. Puede conocerlos, actualizarlos y rectificarlos en cualquier momento.',
    'Si decide continuar con el proceso significa que usted ha aceptado los términos y condiciones de uso del servicio ofrecido.',
  ].join('\n\n'),
} as const;
