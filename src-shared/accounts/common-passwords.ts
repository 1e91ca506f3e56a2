/**
 * Passwords of at least 8 characters that appear at the top of the public breach lists
 * (NCSC's "100k most used", SecLists' common-credentials) plus the Spanish and Colombian ones
 * those lists rank high: football teams, cities, "colombia", "contraseña". Lower-case; the
 * check lower-cases too. A citizen choosing one of these is asked for another (NIST SP 800-63B
 * §5.1.1.2: compare against commonly used passwords, no composition rules).
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '87654321', '987654321', '11111111', '00000000',
  '88888888', '66666666', '12341234', '11223344', '112233445566', '123123123', '147258369', '159753456',
  '123456789a', 'a123456789', '1q2w3e4r', '1q2w3e4r5t', 'qwertyuiop', 'qwerty123', 'qwerty12', 'asdfghjkl',
  'zxcvbnm1', '1qaz2wsx', 'q1w2e3r4', 'abc12345', 'abcd1234', 'abcdefgh', 'aa123456', 'password',
  'password1', 'password123', 'passw0rd', 'iloveyou', 'sunshine', 'princess', 'football', 'baseball',
  'welcome1', 'welcome123', 'superman', 'starwars', 'whatever', 'trustno1', 'master123', 'letmein1',
  'dragon123', 'monkey123', 'shadow123', 'michael1', 'jennifer', 'computer', 'internet', 'samsung1',
  'contraseña', 'contrasena', 'contraseña1', 'contrasena1', 'contraseña123', 'contrasena123', 'micontraseña',
  'micontrasena', 'colombia', 'colombia1', 'colombia123', 'colombia2024', 'colombia2025', 'colombia2026',
  'teamo123', 'teamomucho', 'tequiero', 'tequiero1', 'miamor123', 'mariposa', 'mariposa1', 'princesa',
  'princesa1', 'angelito', 'estrella', 'corazon1', 'chocolate', 'familia1', 'familia123', 'jesucristo',
  'diosesamor', 'diosmeama', 'bendiciones', 'millonarios', 'americadecali', 'atleticonacional', 'nacional1',
  'juniorfc', 'santafe1', 'deportivocali', 'bogota123', 'medellin', 'medellin1', 'barranquilla', 'cartagena',
  'bucaramanga', 'ibague123', 'tolima123', 'ventanilla', 'ventanilla1', 'ventanilla123', 'usuario1',
  'usuario123', 'administrador', 'admin123', 'admin1234', 'clave123', 'clave1234', 'miclave1', 'secreto1',
  'qwer1234', 'asdf1234', 'zaq12wsx', 'mustang1', 'liverpool', 'barcelona', 'realmadrid', 'cristiano7',
  'messi1010', 'pokemon1', 'naruto123', 'minecraft', 'fortnite', 'doctorwho', 'lovelove', 'babygirl',
]);
