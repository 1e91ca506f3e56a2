import type { Locator } from 'playwright-core';
import { KioskPage } from './kiosk-page';
import type { StartPage } from './start-page';

/** The identification types as the kiosk labels them. */
export type WalletDocumentLabel =
  | 'Cédula de ciudadanía'
  | 'Cédula de extranjería'
  | 'NIT'
  | 'Pasaporte'
  | 'Permiso por protección temporal'
  | 'Permiso especial de permanencia';

/** A new holder as the guide's «Datos del cliente» asks for a persona natural. */
export interface NaturalHolder {
  readonly firstSurname: string;
  readonly secondSurname?: string;
  readonly firstName: string;
  readonly secondName?: string;
  readonly email: string;
  readonly landline?: string;
  readonly mobile: string;
  readonly address: string;
  readonly municipality: string;
}

/**
 * «Prepago de servicios» at the kiosk, read and touched as a citizen would: by the words on
 * the screen (guide 001), never by CSS classes, except the recovery code's boxes, read as
 * the citizen copies them.
 */
export class WalletPage extends KioskPage {
  static async open(start: StartPage): Promise<WalletPage> {
    await start.tile('Prepago de servicios').tap();
    const wallet = new WalletPage(start.page);
    await wallet.menu.waitFor();
    return wallet;
  }

  get menu(): Locator {
    return this.page.getByRole('navigation', { name: 'Opciones del prepago' });
  }

  /** A menu entry, by the label written on it. */
  entry(
    label: 'Recargar prepago' | 'Recuperar transacción' | 'Consultar saldo y movimientos' | 'Solicitar clave nueva',
  ): Locator {
    // The entry's name is its label followed by its description.
    return this.menu.getByRole('button', { name: new RegExp(`^${label}\\b`) });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  /** An alert whose text contains `text` (problems are announced as alerts). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** Which step of «Recargar prepago» is current: «Paso 2 de 5». */
  async currentStep(): Promise<string> {
    return (await this.page.getByRole('list', { name: /^Paso \d de \d$/ }).getAttribute('aria-label')) ?? '';
  }

  async acceptTerms(): Promise<void> {
    await this.button('Acepto y continuar').tap();
    await this.field('Número de identificación').waitFor();
  }

  /** Chooses the identification type and types the number (and whatever else the form asks). */
  async identify(type: WalletDocumentLabel, number: string, extra: Record<string, string> = {}): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Tipo de identificación' })
      .getByRole('button', { name: type, exact: true })
      .tap();
    await this.field('Número de identificación').fill(number);
    for (const [label, value] of Object.entries(extra)) await this.field(label).fill(value);
  }

  async fillNaturalHolder(holder: NaturalHolder): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Tipo de cliente' })
      .getByRole('button', { name: 'Persona natural' })
      .tap();
    await this.field('Primer apellido').fill(holder.firstSurname);
    await this.field('Segundo apellido (opcional)').fill(holder.secondSurname ?? '');
    await this.field('Primer nombre').fill(holder.firstName);
    await this.field('Segundo nombre (opcional)').fill(holder.secondName ?? '');
    await this.field('Correo electrónico').fill(holder.email);
    await this.field('Teléfono fijo (opcional)').fill(holder.landline ?? '');
    await this.field('Celular').fill(holder.mobile);
    await this.field('Dirección').fill(holder.address);
    await this.field('Municipio').fill(holder.municipality);
  }

  /** Types the amount on the on-screen keypad, digit by digit. */
  async typeAmount(pesos: number): Promise<void> {
    const keypad = this.page.getByRole('group', { name: 'Teclado numérico del valor' });
    const clear = keypad.getByRole('button', { name: 'Limpiar' });
    if (await clear.isEnabled()) await clear.tap();
    for (const digit of String(pesos)) await keypad.getByRole('button', { name: digit, exact: true }).tap();
  }

  /** A figure of the liquidación («Liquidación Nro.», «Valor de la liquidación», «Estado»…). */
  async fact(label: string): Promise<string> {
    const term = this.page.locator('dt', { hasText: label }).first();
    return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
  }

  /** The recovery code as the screen shows it, one box per character. */
  async recoveryCode(): Promise<string> {
    const boxes = this.page.getByRole('region', { name: 'Código de recuperación' }).locator('.wallet-code__char');
    return (await boxes.allInnerTexts()).join('');
  }

  /** One of the three ways to pay, opened. */
  async openPayWay(
    label: 'Pagar en línea' | 'Volante de pago en bancos' | 'Pago en cualquiera de nuestras oficinas',
  ): Promise<Locator> {
    await this.page.getByRole('group', { name: 'Formas de pago' }).getByRole('button', { name: label }).tap();
    const panel = this.page.getByRole('region', {
      name: label === 'Volante de pago en bancos' ? 'Volante de pago en bancos' : label,
    });
    await panel.waitFor();
    return panel;
  }

  /** The QR of «Pagar en línea», for the citizen's phone. */
  get checkoutQr(): Locator {
    return this.page.getByRole('img', { name: 'Código QR para pagar en línea desde su celular' });
  }

  /** The kiosk's document viewer titled `title`, once its first page is drawn. */
  async viewer(title: string): Promise<Locator> {
    const dialog = this.page.getByRole('dialog', { name: title });
    await dialog.getByRole('document').locator('canvas[data-drawn="yes"]').first().waitFor();
    return dialog;
  }

  /** The balance the statement shows. */
  async balance(): Promise<string> {
    return (await this.page.getByRole('region', { name: 'Saldo disponible' }).locator('p').first().innerText()).trim();
  }

  async backToMenu(): Promise<void> {
    await this.button('Volver al menú').tap();
    await this.menu.waitFor();
  }
}
