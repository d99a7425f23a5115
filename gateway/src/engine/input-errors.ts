// Variables that do not fit the operation are refused before any hop, with graphql-js's own explanation. That text is
// English and names the value sent; a customer's app may show the message as it is, so it is said again in French,
// naming where the value was refused and why, never echoing the value itself.

const SCALAR: Record<string, string> = {
  Int: 'un nombre entier',
  Float: 'un nombre',
  String: 'un texte',
  Boolean: 'vrai ou faux',
  ID: 'un identifiant',
};

/** The reason graphql-js gives for one refused value (after « ; »), in French. */
function reason(text: string): string {
  let m = /^Expected type "([^"]+)"\. (.*)$/s.exec(text);
  if (m) return reason(m[2]!);
  m = /^Field "([^"]+)" of required type "([^"]+)" was not provided\.$/.exec(text);
  if (m) return `le champ ${m[1]} (${m[2]}) est obligatoire.`;
  m = /^Field "([^"]+)" is not defined by type "([^"]+)"\./.exec(text);
  if (m) return `le champ ${m[1]} n’existe pas dans ${m[2]}.`;
  m = /^Value "([^"]*)" does not exist in "([^"]+)" enum\./.exec(text);
  if (m) return `cette valeur n’existe pas dans ${m[2]}.`;
  m = /^Expected type "([^"]+)" to be an object\.$/.exec(text);
  if (m) return `un objet ${m[1]} est attendu.`;
  m = /^(Int|Float|String|Boolean|ID) cannot represent/.exec(text);
  if (m) return `${SCALAR[m[1]!]} est attendu.`;
  // Abri's own scalars already explain in French.
  if (/^Valeur attendue : /.test(text)) return text.charAt(0).toLowerCase() + text.slice(1);
  return 'cette valeur n’est pas acceptée.';
}

/** graphql-js's message for a variable refused at coercion, in French. */
export function frenchCoercionMessage(message: string): string {
  let m = /^Variable "\$([^"]+)" of required type "([^"]+)" was not provided\.$/.exec(message);
  if (m) return `La variable $${m[1]} (${m[2]}) est obligatoire.`;
  m = /^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null\.$/.exec(message);
  if (m) return `La variable $${m[1]} (${m[2]}) ne peut pas être nulle.`;
  m = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (m) return `Valeur refusée pour $${m[2] ?? m[1]} : ${reason(m[3]!)}`;
  return 'Les variables ne correspondent pas à l’opération.';
}
