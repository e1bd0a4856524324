/**
 * Chats held in the customer's language (German, French, Spanish, Italian, Portuguese, Dutch), as
 * care centres serving those countries have them: the same values, cue words of that language.
 */
import type { Piece } from '../doc.js';
import * as N from '../values/negatives.js';
import {
  cardPiece, cityLinePiece, cvvPiece, dobPiece, emailPiece, expiryPiece, firstNamePiece, fullNamePiece, ibanPiece, negativePiece,
  phonePiece, streetPiece, type Context,
} from './context.js';
import type { Turn } from './dialogue.js';

export type Language = 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl';

/** The language of a locale's chats, when it has a phrase book here. */
export function languageOf(locale: string): Language | undefined {
  const lang = locale.slice(0, 2);
  return (['de', 'fr', 'es', 'it', 'pt', 'nl'] as const).find((l) => l === lang);
}

interface PhraseBook {
  hello: string[];
  myName: string[];
  askCard: string[];
  card: string[];
  askExpiry: string[];
  expiry: string[];
  askCvv: string[];
  cvv: string[];
  askPhone: string[];
  phone: string[];
  askDob: string[];
  dob: string[];
  askAddress: string[];
  address: string[];
  email: string[];
  iban: string[];
  order: string[];
  charged: string[];
  thanks: string[];
}

const BOOKS: Record<Language, PhraseBook> = {
  de: {
    hello: ['Guten Tag, mein Name ist ', 'Hallo, hier ist '], myName: ['Hallo, mein Name ist ', 'hier ist ', 'Ich bin '],
    askCard: ['Wie lautet Ihre Kartennummer?', 'Bitte nennen Sie mir die Kartennummer.'], card: ['meine Kartennummer ist ', 'Karte: ', 'die Nummer ist '],
    askExpiry: ['Und das Ablaufdatum?', 'Gültig bis?'], expiry: ['gültig bis ', 'Ablaufdatum ', 'läuft ab '],
    askCvv: ['Und die Prüfnummer auf der Rückseite?', 'Sicherheitscode?'], cvv: ['Prüfziffer ', 'der Code ist ', 'CVC '],
    askPhone: ['Unter welcher Nummer erreichen wir Sie?'], phone: ['meine Handynummer ist ', 'Rückruf unter ', 'Tel. '],
    askDob: ['Ihr Geburtsdatum bitte?'], dob: ['geboren am ', 'Geburtsdatum: ', 'mein Geburtstag ist der '],
    askAddress: ['Wie lautet Ihre neue Adresse?'], address: ['neue Adresse: ', 'ich wohne jetzt in der ', 'Lieferadresse: '],
    email: ['meine E-Mail ist ', 'Mail: '], iban: ['meine IBAN lautet ', 'IBAN: '], order: ['meine Bestellung ', 'Bestellnummer '],
    charged: ['mir wurden ', 'es wurden '], thanks: ['Danke, das war alles.', 'Vielen Dank!'],
  },
  fr: {
    hello: ['Bonjour, je suis ', 'Bonjour, ici '], myName: ['Bonjour, je m\'appelle ', 'c\'est ', 'Je suis '],
    askCard: ['Quel est le numéro de votre carte ?', 'Pouvez-vous me donner le numéro de carte ?'], card: ['mon numéro de carte est ', 'carte : ', 'le numéro c\'est '],
    askExpiry: ['Et la date d\'expiration ?'], expiry: ['expire le ', 'date d\'expiration ', 'valable jusqu\'au '],
    askCvv: ['Et le cryptogramme au dos ?', 'Le code de sécurité ?'], cvv: ['cryptogramme ', 'le code est ', 'CVV '],
    askPhone: ['À quel numéro peut-on vous joindre ?'], phone: ['mon portable est le ', 'rappelez-moi au ', 'tél. '],
    askDob: ['Votre date de naissance ?'], dob: ['née le ', 'né le ', 'date de naissance : '],
    askAddress: ['Quelle est votre nouvelle adresse ?'], address: ['nouvelle adresse : ', 'j\'habite au ', 'livraison au '],
    email: ['mon e-mail est ', 'courriel : '], iban: ['mon IBAN est ', 'IBAN : '], order: ['ma commande ', 'commande n° '],
    charged: ['on m\'a débité ', 'j\'ai payé '], thanks: ['Merci, c\'est tout.', 'Merci beaucoup !'],
  },
  es: {
    hello: ['Hola, le atiende ', 'Buenos días, soy '], myName: ['Hola, me llamo ', 'soy ', 'Mi nombre es '],
    askCard: ['¿Me indica el número de la tarjeta?'], card: ['el número de mi tarjeta es ', 'tarjeta: ', 'es la '],
    askExpiry: ['¿Y la fecha de caducidad?'], expiry: ['caduca ', 'vence el ', 'fecha de vencimiento '],
    askCvv: ['¿Y el código de seguridad de atrás?'], cvv: ['el CVV es ', 'código ', 'cvv '],
    askPhone: ['¿En qué número le podemos llamar?'], phone: ['mi móvil es el ', 'llámeme al ', 'tel. '],
    askDob: ['¿Su fecha de nacimiento?'], dob: ['nací el ', 'fecha de nacimiento: ', 'mi cumpleaños es el '],
    askAddress: ['¿Cuál es la nueva dirección?'], address: ['nueva dirección: ', 'vivo en ', 'envíenlo a '],
    email: ['mi correo es ', 'email: '], iban: ['mi IBAN es ', 'IBAN: '], order: ['mi pedido ', 'el pedido número '],
    charged: ['me cobraron ', 'me han cargado '], thanks: ['Gracias, eso es todo.', '¡Muchas gracias!'],
  },
  it: {
    hello: ['Buongiorno, sono ', 'Salve, parla '], myName: ['Buongiorno, mi chiamo ', 'sono ', 'Il mio nome è '],
    askCard: ['Mi può dire il numero della carta?'], card: ['il numero della carta è ', 'carta: ', 'è la '],
    askExpiry: ['E la data di scadenza?'], expiry: ['scade ', 'scadenza ', 'valida fino al '],
    askCvv: ['E il codice di sicurezza sul retro?'], cvv: ['il CVV è ', 'codice ', 'cvv '],
    askPhone: ['A che numero la possiamo richiamare?'], phone: ['il mio cellulare è ', 'mi richiami al ', 'tel. '],
    askDob: ['La sua data di nascita?'], dob: ['sono nata il ', 'sono nato il ', 'data di nascita: '],
    askAddress: ['Qual è il nuovo indirizzo?'], address: ['nuovo indirizzo: ', 'abito in ', 'spedite a '],
    email: ['la mia email è ', 'email: '], iban: ['il mio IBAN è ', 'IBAN: '], order: ['il mio ordine ', 'ordine n. '],
    charged: ['mi avete addebitato ', 'ho pagato '], thanks: ['Grazie, è tutto.', 'Grazie mille!'],
  },
  pt: {
    hello: ['Olá, fala ', 'Bom dia, aqui é '], myName: ['Olá, meu nome é ', 'aqui é ', 'Sou '],
    askCard: ['Qual o número do cartão?'], card: ['o número do meu cartão é ', 'cartão: ', 'é o '],
    askExpiry: ['E a validade?'], expiry: ['validade ', 'vence em ', 'expira '],
    askCvv: ['E o código de segurança atrás?'], cvv: ['o CVV é ', 'código ', 'cvv '],
    askPhone: ['Qual o melhor número para contato?'], phone: ['meu celular é ', 'me liga no ', 'tel. '],
    askDob: ['Sua data de nascimento?'], dob: ['nasci em ', 'data de nascimento: ', 'meu aniversário é '],
    askAddress: ['Qual o novo endereço?'], address: ['novo endereço: ', 'moro na ', 'entregar na '],
    email: ['meu e-mail é ', 'email: '], iban: ['meu IBAN é ', 'IBAN: '], order: ['meu pedido ', 'pedido nº '],
    charged: ['me cobraram ', 'paguei '], thanks: ['Obrigado, era só isso.', 'Muito obrigada!'],
  },
  nl: {
    hello: ['Goedemiddag, u spreekt met ', 'Hallo, met '], myName: ['Hallo, mijn naam is ', 'met ', 'Ik ben '],
    askCard: ['Wat is uw kaartnummer?'], card: ['mijn kaartnummer is ', 'kaart: ', 'het nummer is '],
    askExpiry: ['En de vervaldatum?'], expiry: ['geldig tot ', 'vervaldatum ', 'verloopt '],
    askCvv: ['En de beveiligingscode op de achterkant?'], cvv: ['de CVC is ', 'code ', 'cvv '],
    askPhone: ['Op welk nummer kunnen we u terugbellen?'], phone: ['mijn mobiel is ', 'bel me op ', 'tel. '],
    askDob: ['Uw geboortedatum?'], dob: ['geboren op ', 'geboortedatum: ', 'mijn verjaardag is '],
    askAddress: ['Wat is het nieuwe adres?'], address: ['nieuw adres: ', 'ik woon op ', 'bezorgen op '],
    email: ['mijn e-mail is ', 'mail: '], iban: ['mijn IBAN is ', 'IBAN: '], order: ['mijn bestelling ', 'bestelnummer '],
    charged: ['er is ', 'ik heb '], thanks: ['Bedankt, dat was het.', 'Dank u wel!'],
  },
};

export function localizedConversation(c: Context, lang: Language): Turn[] {
  const { rng } = c;
  const b = BOOKS[lang];
  const p = (list: string[]) => rng.pick(list);
  const A = (...pieces: Piece[]): Turn => ({ who: 'agent', pieces });
  const C = (...pieces: Piece[]): Turn => ({ who: 'customer', pieces });
  const turns: Turn[] = [A(p(b.hello), firstNamePiece(c.agent), '.'), C(p(b.myName), fullNamePiece(c.customer))];
  const topics: (() => Turn[])[] = [
    () => [A(p(b.askCard)), C(p(b.card), cardPiece(c)), A(p(b.askExpiry)), C(p(b.expiry), expiryPiece(c)), A(p(b.askCvv)), C(p(b.cvv), cvvPiece(c))],
    () => [A(p(b.askPhone)), rng.chance(0.5) ? C(phonePiece(c)) : C(p(b.phone), phonePiece(c))],
    () => [A(p(b.askDob)), rng.chance(0.5) ? C(dobPiece(c)) : C(p(b.dob), dobPiece(c))],
    () => [A(p(b.askAddress)), C(p(b.address), streetPiece(c), ', ', cityLinePiece(c))],
    () => [C(p(b.email), emailPiece(c))],
    () => [C(p(b.iban), ibanPiece(c))],
    () => [C(p(b.order), negativePiece(c, N.orderNumber), ' - ', p(b.charged), negativePiece(c, N.amount), ' (', negativePiece(c, N.timestampOrDate), ')')],
  ];
  const n = rng.int(3, 5);
  for (let i = 0; i < n; i++) turns.push(...rng.pick(topics)());
  turns.push(C(p(b.thanks)));
  return turns;
}
