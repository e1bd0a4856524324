/**
 * What agents and customers say to each other, as turns; chats and call transcripts render them.
 * Cue phrasing varies on purpose: questions answered in the next turn, value before the cue, cues
 * with filler words, no cue at all.
 */
import type { Piece } from '../doc.js';
import * as N from '../values/negatives.js';
import {
  accountPiece, cardHalves, cardPiece, cityLinePiece, cvvPiece, dobPiece, emailPiece, expiryPiece, firstNamePiece, fullNamePiece,
  ibanPiece, ipPiece, lastNamePiece, licencePiece, nameWordPieces, negativePiece, otherPhone, passportPiece, passwordPiece, phoneHalves, phonePiece, pinPiece,
  routingPiece, sortCodePiece, ssnPiece, streetPiece, titledPieces, ukAccountPiece, type Context,
} from './context.js';

export type Who = 'agent' | 'customer';
export interface Turn {
  who: Who;
  pieces: Piece[];
}

const A = (...pieces: Piece[]): Turn => ({ who: 'agent', pieces });
const C = (...pieces: Piece[]): Turn => ({ who: 'customer', pieces });

/** A customer's reply that is the value alone, or with a little talk around it. */
function bare(c: Context, value: Piece): Piece[] {
  return c.rng.pick<Piece[]>([
    [value], [value], ['sure, ', value], ['yeah it\'s ', value], ['umm ', value], [value, ' I think'], ['ok ', value], ['yes. ', value, '.'],
    ['it should be ', value], ['hold on... ', value],
  ]);
}

function greeting(c: Context): Turn[] {
  const { rng } = c;
  const turns: Turn[] = [];
  turns.push(A(rng.pick(['Thank you for calling, my name is ', 'Hi, you\'re chatting with ', 'Hello, this is ', 'Good morning, ', 'Hi there! I\'m ']), firstNamePiece(c.agent), rng.pick([', how can I help you today?', '. What can I do for you?', ', how may I help?', '.'])));
  turns.push(rng.pick([
    () => C('hi ', firstNamePiece(c.agent), ', this is ', fullNamePiece(c.customer), rng.pick([', I have a problem with my order', ' and I need some help', ''])),
    () => C('Hello, my name is ', fullNamePiece(c.customer), '.'),
    () => C('hi its ', firstNamePiece(c.customer), ' here'),
    () => C('Yes hi, I\'m ', fullNamePiece(c.customer), ', I\'m calling about a charge'),
    () => C('hello'),
    () => C(fullNamePiece(c.customer), ' here, account holder'),
  ])());
  if (rng.chance(0.5)) {
    turns.push(A(rng.pick(['Can I have your full name please?', 'Who am I speaking with?', 'May I have the name on the account?', 'what\'s your name?'])));
    turns.push(C(...bare(c, fullNamePiece(c.customer))));
  }
  if (rng.chance(0.4)) {
    turns.push(A(rng.pick(['And your last name?', 'Could you spell your surname?', 'What\'s the last name on the account?'])));
    turns.push(C(...bare(c, lastNamePiece(c.customer))));
  }
  if (rng.chance(0.3)) turns.push(A('Thanks ', ...titledPieces(c.customer), rng.pick(['.', ', one moment.', ', let me pull that up.'])));
  return turns;
}

function identity(c: Context): Turn[] {
  const { rng } = c;
  const turns: Turn[] = [];
  turns.push(A(rng.pick(['For security, can you confirm your date of birth?', 'What\'s your date of birth?', 'and your DOB please', 'Can I get your birthday to verify?'])));
  turns.push(rng.chance(0.75) ? C(...bare(c, dobPiece(c))) : C(rng.pick(['my date of birth is ', 'born ', 'dob is ', 'birthday ']), dobPiece(c)));
  if (rng.chance(0.25)) turns.push(C(dobPiece(c), rng.pick([' is my date of birth', ', that\'s my birthday', ' - my dob'])));
  if (rng.chance(0.45)) {
    turns.push(A(rng.pick(['And the last four of your social? Actually I need the full SSN for this one.', 'Can I have your social security number?', 'I\'ll need your SSN to continue.'])));
    turns.push(rng.chance(0.6) ? C(...bare(c, ssnPiece(c))) : C(rng.pick(['my social is ', 'ssn ', 'social security number ', 'it\'s ']), ssnPiece(c)));
  }
  if (rng.chance(0.4)) {
    turns.push(A(rng.pick(['And the address on file?', 'Can you confirm your billing address?', 'What\'s your current address?'])));
    turns.push(C(...bare(c, streetPiece(c)), ...(rng.chance(0.5) ? [rng.pick([', ', ' ']), cityLinePiece(c)] : [])));
  }
  turns.push(A(rng.pick(['Thank you, you\'re verified.', 'Great, that matches.', 'Perfect, thanks.'])));
  return turns;
}

function payment(c: Context): Turn[] {
  const { rng } = c;
  const turns: Turn[] = [];
  turns.push(A(rng.pick(['Can I get the card number please?', 'What\'s the long number on the front of the card?', 'please read me the card number', 'Which card would you like to use? I\'ll need the full number.'])));
  const style = rng.int(0, 9);
  if (style < 2) {
    const [first, second] = cardHalves(c);
    const form = `split-${c.spoken ? 'spoken' : 'written'}`;
    turns.push(C({ part: first, entity: 'CREDIT_CARD', form, first: true }));
    turns.push(A(rng.pick(['mhm', 'ok', 'go on', 'yes?', 'uh huh'])));
    turns.push(C({ part: second, entity: 'CREDIT_CARD', form, first: false }));
  } else if (style < 6) {
    turns.push(C(...bare(c, cardPiece(c))));
  } else {
    turns.push(C(rng.pick(['my card number is ', 'it\'s a visa, ', 'card: ', 'the number is ', 'ok its ', 'cc# ', 'use my debit card ', 'the long number is ']), cardPiece(c), rng.pick(['', '.', ' thanks'])));
  }
  turns.push(A(rng.pick(['And the expiration date?', 'expiry?', 'When does it expire?', 'What\'s the exp date on it?'])));
  turns.push(rng.chance(0.6) ? C(...bare(c, expiryPiece(c))) : C(rng.pick(['it expires ', 'exp ', 'valid thru ', 'expiry date is ', 'good through ']), expiryPiece(c)));
  turns.push(A(rng.pick(['And the three-digit security code on the back?', 'the CVV please', 'Last thing, the code on the back of the card?', 'CVC?'])));
  turns.push(rng.pick([
    () => C(...bare(c, cvvPiece(c))),
    () => C(rng.pick(['cvv ', 'the code is ', 'security code ', 'CVV: ', 'cvc is ', 'its ']), cvvPiece(c)),
    () => C(cvvPiece(c), rng.pick([' is the cvv', ', that\'s the code on the back', ''])),
  ])());
  turns.push(A(rng.pick(['Thanks, the payment of ', 'Great, I\'ve applied ', 'OK, a charge of ']), negativePiece(c, N.amount), rng.pick([' went through.', ' to the account.', ' is pending.'])));
  return turns;
}

function callback(c: Context): Turn[] {
  const { rng } = c;
  const turns: Turn[] = [];
  turns.push(A(rng.pick(['What\'s the best number to reach you?', 'Can I get a callback number in case we get disconnected?', 'is this still the best phone number for you?'])));
  turns.push(rng.pick([
    () => C(...bare(c, phonePiece(c))),
    () => C(rng.pick(['call me on ', 'you can reach me at ', 'my cell is ', 'my number is ', 'mobile: ', 'it\'s ', 'text me at ']), phonePiece(c)),
    () => C(phonePiece(c), rng.pick([', that\'s my mobile', ' is my cell', ' - work phone'])),
  ])());
  if (rng.chance(0.15)) {
    const [first, second] = phoneHalves(c);
    const form = `split-${c.spoken ? 'spoken' : 'written'}`;
    turns.push(C('it\'s ', { part: first, entity: 'PHONE_NUMBER', form, first: true }), A(rng.pick(['sorry, go on', 'mhm', 'ok...'])), C({ part: second, entity: 'PHONE_NUMBER', form, first: false }));
  }
  if (rng.chance(0.3)) turns.push(C(rng.pick(['or my wife\'s number ', 'or the office on ', 'if not try ']), phonePiece(c, otherPhone(c))));
  return turns;
}

function emailTopic(c: Context): Turn[] {
  const { rng } = c;
  return [
    A(rng.pick(['What email should I send the confirmation to?', 'Can you confirm the email on the account?', 'email address?'])),
    rng.chance(0.6) ? C(...bare(c, emailPiece(c))) : C(rng.pick(['send it to ', 'my email is ', 'it\'s registered under ', 'e-mail: ']), emailPiece(c)),
  ];
}

function addressChange(c: Context): Turn[] {
  const { rng } = c;
  return [
    C(rng.pick(['I moved, can you update my address? ', 'I need to change the delivery address. ', 'new address: ', 'please ship it to '])),
    A('Sure, what\'s the new address?'),
    C(...bare(c, streetPiece(c)), rng.chance(0.6) ? ', ' : ' ', cityLinePiece(c)),
    A('Updated. Your order ', negativePiece(c, N.orderNumber), ' will go there.'),
  ];
}

function refund(c: Context): Turn[] {
  const { rng } = c;
  const kind = rng.int(0, 2);
  const turns: Turn[] = [A(...rng.pick<Piece[]>([['For the refund I\'ll need your bank details.'], ['We can send the refund by bank transfer. Bank details?'], ['Where should we send the refund of ', negativePiece(c, N.amount), '?']]))];
  if (kind === 0) {
    turns.push(C(rng.pick(['routing number is ', 'routing ', 'ABA ', 'the routing # is ']), routingPiece(c), rng.pick([' and account ', ', acct ', ', account number ', '. acc no. ']), accountPiece(c)));
  } else if (kind === 1) {
    turns.push(C(rng.pick(['sort code ', 'sort code is ', 'Sort code: ']), sortCodePiece(c), rng.pick([' account ', ', account number ', ' acc ']), ukAccountPiece(c)));
  } else {
    turns.push(C(rng.pick(['my IBAN is ', 'IBAN: ', 'send it to ', 'here\'s the iban ']), ibanPiece(c)));
  }
  turns.push(A('Thanks. The refund should arrive by ', negativePiece(c, N.timestampOrDate), '.'));
  return turns;
}

function documents(c: Context): Turn[] {
  const { rng } = c;
  const turns: Turn[] = [A(rng.pick(['To open the account I need a government ID.', 'Can you give me an ID number for the rental?', 'We need photo ID for this change.']))];
  if (rng.chance(0.55)) {
    turns.push(C(rng.pick(['my driver\'s license number is ', 'DL# ', 'drivers licence ', 'license no. ', 'ok my DL is ', 'driver license: ']), licencePiece(c)));
  } else {
    turns.push(C(rng.pick(['passport number ', 'my passport is ', 'Passport no: ', 'passport # ', 'US passport ']), passportPiece(c)));
  }
  return turns;
}

function login(c: Context): Turn[] {
  const { rng } = c;
  const turns: Turn[] = [C(rng.pick(['I can\'t log in to the app', 'locked out of my account again', 'the website says my password is wrong']))];
  turns.push(A('Which email do you log in with?'), C(...bare(c, emailPiece(c))));
  turns.push(rng.pick([
    () => C(rng.pick(['my password is ', 'pw: ', 'the password I use is ', 'pwd ', 'passcode ', 'I changed it to ']), passwordPiece(c)),
    () => C('I typed "', passwordPiece(c), '" and it failed'),
    () => C('password: ', passwordPiece(c)),
  ])());
  if (rng.chance(0.5)) turns.push(A('I see logins from ', ipPiece(c), rng.pick([' yesterday.', ', is that you?', '.'])));
  if (rng.chance(0.4)) turns.push(C(rng.pick(['my pin is ', 'PIN ', 'the 4 digit pin is ', 'pin number ']), pinPiece(c)));
  if (rng.chance(0.3)) turns.push(C(rng.pick(['my IP is ', 'ip address ', 'the router shows ']), ipPiece(c)));
  return turns;
}

function orderIssue(c: Context): Turn[] {
  const { rng } = c;
  return [
    C(rng.pick(['my order ', 'order number ', 'I ordered something, its ']), negativePiece(c, N.orderNumber), rng.pick([' never arrived', ' is late', ' came damaged'])),
    A(rng.pick(['I see it shipped with tracking ', 'The carrier shows ', 'Tracking number ']), negativePiece(c, N.trackingNumber), rng.pick([', last scan on ', ', expected ']), negativePiece(c, N.timestampOrDate), '.'),
    C(rng.pick(['I was charged ', 'it cost ', 'you took ']), negativePiece(c, N.amount), ...rng.pick<Piece[]>([[' twice'], [' and I want it back'], [''], [' on ', negativePiece(c, N.timestampOrDate)]])),
    A(rng.pick(['I\'ve opened case ', 'Your ticket is ', 'RMA ', 'reference ']), negativePiece(c, N.caseNumber), rng.pick(['.', ' for you.', ', keep it for your records.'])),
  ];
}

function deviceIssue(c: Context): Turn[] {
  const { rng } = c;
  return [
    C(rng.pick(['the phone keeps restarting', 'my router drops the connection', 'the tablet won\'t charge'])),
    A('Can you read me the number on the label?'),
    C(rng.pick(['IMEI ', 'serial ', 'it says ', 'S/N ', '']), negativePiece(c, N.versionOrSerial), ...rng.pick<Piece[]>([[''], [', model ', negativePiece(c, N.versionOrSerial)], [' and firmware ', negativePiece(c, N.versionOrSerial)]])),
    A('Thanks. Please update to ', negativePiece(c, N.versionOrSerial), rng.pick([' and restart.', ' tonight.', '.'])),
  ];
}

function smallTalk(c: Context): Turn[] {
  const turns: Turn[] = [];
  for (let i = 0; i < 2; i++) {
    const pieces = nameWordPieces(c, false);
    turns.push({ who: c.rng.chance(0.5) ? 'agent' : 'customer', pieces });
  }
  return turns;
}

const TOPICS: [(c: Context) => Turn[], number][] = [
  [identity, 5], [payment, 6], [callback, 5], [emailTopic, 3], [addressChange, 3], [refund, 3], [documents, 2], [login, 3],
  [orderIssue, 5], [deviceIssue, 3], [smallTalk, 3],
];

/** A conversation: a greeting, then a few topics, then a goodbye. */
export function conversation(c: Context): Turn[] {
  const turns = greeting(c);
  const n = c.rng.int(2, 4);
  for (let i = 0; i < n; i++) turns.push(...c.rng.weighted(TOPICS)(c));
  if (c.rng.chance(0.6)) turns.push(...orderIssue(c));
  turns.push(A(c.rng.pick(['Is there anything else?', 'Anything else I can help with today?', 'Have a great day!'])), C(...c.rng.pick<Piece[]>([['no thats all thanks'], ['No, thank you.'], ['bye'], ['that\'s it, thanks ', firstNamePiece(c.agent)]])));
  return turns;
}
