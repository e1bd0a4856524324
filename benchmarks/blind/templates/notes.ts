/** CRM notes in agent shorthand, and customer e-mails with display names and signatures. */
import { DocBuilder, neg, type Piece } from '../doc.js';
import * as N from '../values/negatives.js';
import {
  accountPiece, cardPiece, cityLinePiece, cvvPiece, dobPiece, emailPiece, expiryPiece, fieldLabelPieces, firstNamePiece, fullNamePiece, ibanPiece,
  ipPiece, lastNamePiece, licencePiece, nameWordPieces, negativePiece, otherPhone, passportPiece, passwordPiece, phonePiece, pinPiece, routingPiece,
  sortCodePiece, ssnPiece, streetPiece, titledPieces, ukAccountPiece, type Context,
} from './context.js';

function noteLines(c: Context): Piece[][] {
  const { rng } = c;
  const who = () => rng.pick<Piece[]>([['cust '], ['Cust '], ['customer '], ['cx '], ['caller '], ['cust ', fullNamePiece(c.customer), ' '], ['', fullNamePiece(c.customer), ' ']]);
  const lines: (() => Piece[])[] = [
    () => [...who(), rng.pick(['called re: ', 'cld re ', 'chatted in abt ', 'emailed re ']), rng.pick(['late delivery', 'double charge', 'billing q', 'acct access', 'cancel svc'])],
    () => ['verified w/ DOB ', dobPiece(c), rng.pick([' + last name', ' and zip', '', ' & addr'])],
    () => ['DOB on acct ', dobPiece(c), rng.pick(['', ', matches', ' (confirmed)'])],
    () => [rng.pick(['cb # ', 'cb ', 'callback ', 'best # ', 'ph ', 'cell ', 'Mobile: ']), phonePiece(c), rng.pick(['', ' after 5pm', ' (cell)', ' pref text'])],
    () => [rng.pick(['em ', 'email on file ', 'upd email to ', 'E-mail: ']), emailPiece(c)],
    () => [rng.pick(['upd addr to ', 'new addr: ', 'ship to ', 'billing addr ']), streetPiece(c), ', ', cityLinePiece(c)],
    () => [rng.pick(['pmt taken cc ', 'card used: ', 'pd w/ card ', 'cc# ']), cardPiece(c), rng.pick([' exp ', ' x ', ' exp. ']), expiryPiece(c), rng.pick([' cvv ', ' cvc ', ' sec code ']), cvvPiece(c), ' amt ', negativePiece(c, N.amount)],
    () => ['refund to acct ', accountPiece(c), rng.pick([' rtg ', ' routing ', ' ABA ']), routingPiece(c)],
    () => ['UK bank: sort code ', sortCodePiece(c), ' acc no. ', ukAccountPiece(c)],
    () => ['IBAN ', ibanPiece(c), ' for SEPA refund'],
    () => [rng.pick(['SSN on file ', 'ss# ', 'social ', 'SSN: ']), ssnPiece(c), rng.pick(['', ' - verified', ' confirmed'])],
    () => [rng.pick(['DL ', 'DL# ', 'drivers lic ', 'ID: DL ']), licencePiece(c), rng.pick(['', ' exp 2029', ' (state ID)'])],
    () => [rng.pick(['PP# ', 'passport ', 'Passport No. ']), passportPiece(c)],
    () => [rng.pick(['pw reset, temp pw ', 'temp pwd: ', 'gave temp password ', 'pwd ']), passwordPiece(c)],
    () => ['acct PIN ', pinPiece(c), ' set'],
    () => ['login from IP ', ipPiece(c), rng.pick([' flagged', ' - looks ok', ''])],
    () => ['ord ', negativePiece(c, N.orderNumber), ' trk ', negativePiece(c, N.trackingNumber), ' dlvd ', negativePiece(c, N.timestampOrDate)],
    () => ['Case ', negativePiece(c, N.caseNumber), ' escalated to T2. ', negativePiece(c, N.versionOrSerial)],
    () => ['refunded ', negativePiece(c, N.amount), ' on ', negativePiece(c, N.timestampOrDate), ', ref ', negativePiece(c, N.versionOrSerial)],
    () => fieldLabelPieces(c),
    () => nameWordPieces(c, false),
    () => ['spoke w/ ', ...titledPieces(c.customer), rng.pick([', adv 3-5 bd', ', will cb', ', resolved'])],
    () => [rng.pick(['ship to:\n', 'Billing address:\n', 'SHIP TO\n']), fullNamePiece(c.customer), '\n', streetPiece(c), '\n', cityLinePiece(c)],
    () => ['alt contact ', rng.pick(['spouse ', 'son ', 'daughter ']), fullNamePiece(otherPerson(c)), ' ', phonePiece(c, otherPhone(c))],
  ];
  const n = rng.int(5, 10);
  const out: Piece[][] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(lines)());
  return out;
}

function otherPerson(c: Context) {
  return { ...c.agent, first: c.customer.first === c.agent.first ? c.agent.last : c.agent.first, last: c.customer.last };
}

export function renderCrmNote(c: Context): DocBuilder {
  const { rng } = c;
  const b = new DocBuilder();
  const initials = `${c.agent.first[0] ?? 'X'}${c.agent.last[0] ?? 'X'}`.toUpperCase();
  const head = rng.int(0, 2);
  if (head === 0) b.line(neg('timestamp-or-date', `${rng.int(1, 12)}/${rng.int(1, 28)}`), ` ${initials}:`);
  else if (head === 1) b.line('Note by ', firstNamePiece(c.agent), ' ', lastNamePiece(c.agent), ' - ', negativePiece(c, N.timestampOrDate));
  const sep = rng.pick(['\n', '. ', '; ', '\n- ', ' | ']);
  const lines = noteLines(c);
  lines.forEach((pieces, i) => b.add(...(i > 0 ? [sep] : sep === '\n- ' ? ['- '] : []), ...pieces));
  b.add(rng.pick(['\n', ' ']), ...rng.pick<Piece[]>([['-', firstNamePiece(c.agent)], ['/', initials.toLowerCase()], [''], ['- ', firstNamePiece(c.agent), ' (T1)']]));
  return b;
}

export function renderEmail(c: Context): DocBuilder {
  const { rng } = c;
  const b = new DocBuilder();
  if (rng.chance(0.7)) b.line('From: "', fullNamePiece(c.customer), '" <', emailPiece(c), '>');
  else b.line('From: ', fullNamePiece(c.customer), ' <', emailPiece(c), '>');
  b.line('To: support@', rng.pick(['example-shop.com', 'acme-telco.net', 'brightbank.co.uk']));
  b.line('Subject: ', rng.pick(['Re: Your order ', 'Problem with order ', 'Refund for ']), negativePiece(c, N.orderNumber));
  b.line('Date: ', negativePiece(c, N.timestampOrDate));
  b.line('');
  b.line(...rng.pick<Piece[]>([['Hi,'], ['Hello,'], ['Dear support team,'], ['Hi there'], ['To whom it may concern,'], ['Hi ', firstNamePiece(c.agent), ','], ['Dear ', firstNamePiece(c.agent), ',']]));
  b.line('');
  const paras: (() => Piece[])[] = [
    () => ['I was charged ', negativePiece(c, N.amount), ' for order ', negativePiece(c, N.orderNumber), ' but the parcel (', negativePiece(c, N.trackingNumber), ') never arrived.'],
    () => ['Please use my card ', cardPiece(c), ', expiry ', expiryPiece(c), rng.pick([', CVV ', ', security code ']), cvvPiece(c), ' for the replacement.'],
    () => ['My new address is ', streetPiece(c), ', ', cityLinePiece(c), '.'],
    () => ['You can call me on ', phonePiece(c), rng.pick([' any time.', ' after 6.', '.'])],
    () => ['For verification, my date of birth is ', dobPiece(c), '.'],
    () => ['Refunds can go to IBAN ', ibanPiece(c), '.'],
    () => ['My account is ', accountPiece(c), ' and routing ', routingPiece(c), '.'],
    () => ['The case number you gave me was ', negativePiece(c, N.caseNumber), ' on ', negativePiece(c, N.timestampOrDate), '.'],
    () => ['The app (', negativePiece(c, N.versionOrSerial), ') keeps crashing on login.'],
    () => nameWordPieces(c, true),
    () => ['I spoke to ', firstNamePiece(c.agent), ' last week and was promised a call back.'],
    () => ['My ', rng.pick(['son', 'daughter', 'husband', 'wife']), ' was born ', dobPiece(c), ' and is on my plan.\n\nOn ', negativePiece(c, N.timestampOrDate), ' I placed order ', negativePiece(c, N.orderNumber), '.'],
    () => ['On ', dobPiece(c), ', my daughter was born; she is on my plan now.\n\nOn ', negativePiece(c, N.timestampOrDate), ' I changed the plan.'],
  ];
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) b.line(...rng.pick(paras)()).line('');
  b.line(rng.pick(['Thanks,', 'Best regards,', 'Kind regards', 'Cheers,', 'Regards,', 'Thank you']));
  b.line(rng.chance(0.6) ? fullNamePiece(c.customer) : firstNamePiece(c.customer));
  if (rng.chance(0.6)) {
    const fieldLabel = fieldLabelPieces(c);
    b.line(rng.pick(['Mobile: ', 'Tel: ', 'Phone: ', 'M: ', 'Cell ']), phonePiece(c));
    if (rng.chance(0.5)) b.line(streetPiece(c)).line(cityLinePiece(c));
    b.line(...fieldLabel);
  }
  if (rng.chance(0.3)) b.line('Sent from my ', rng.pick(['iPhone', 'Galaxy', 'Pixel']));
  return b;
}

