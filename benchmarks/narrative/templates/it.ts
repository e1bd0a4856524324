/** Italian narrative templates, by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const IT: Templates = {
  story: [
    '«Mi chiamo {p1:given}», disse, «e questo è mio fratello {p2:given}.»',
    '{p1}, 34 anni, di {city}, è stata nominata dipendente del mese da {org}.',
    'Dopo la morte di {p1:titled-full}, {p2:given} ha ereditato la casa in {a:street}.',
    'La polizia cerca {p1:full}, visto l\'ultima volta il {date} a {city}.',
    'A differenza del romanzo di {p1:surname}, il film finisce a {city}. A {p2} è piaciuto comunque.',
    'Quando {p1:given} aprì la porta, {p2:titled} aspettava già nel corridoio.',
    '{p1} è cresciuto in {a:street}, e ogni estate la famiglia partiva per {country}.',
    'La lettera era firmata {p1:middle-initial} e spedita da {city}.',
    'Nel giardino di {p1:given} la {=Rosa:name-word} fiorisce a {=maggio:month}; {p2:given} dice che è merito della {=Speranza:name-word}.',
  ],
  letter: [
    'Cari {p1:given} e {p2:given},\ngrazie per i fiori!\nUn abbraccio, {p3:given}',
    'Gentile {p1:titled},\nin riferimento alla Sua lettera del {date}, abbiamo registrato il nuovo indirizzo:{a:block}\nCordiali saluti,\n{p2}',
    'Cara {p1:given},\narriviamo a {city} sabato. {p2:given} porta la torta.\nUn abbraccio, {p3:given}',
    'Ciao {p1:given},\nil pacco è stato consegnato per sbaglio in {a}. Puoi chiedere a {p2} di ritirarlo?\nGrazie, {p3:given}',
  ],
  form: [
    'Cognome e nome: {p1:upper-family}. Data di nascita: {dob}.',
    'Recapito per la corrispondenza: {p1:full}, {a:po}.',
    'Il richiedente, {p1}, nato il {dob}, risiede in {a} da tre anni.',
    'Nome e cognome: {p1}. Indirizzo: {a}. Data di nascita: {dob}. Telefono: {phone}.',
    'Il sottoscritto {p1:full}, residente in {a}, dichiara che i dati sono veritieri.',
    'Si prega di spedire la carta sostitutiva a {p1:titled-full}:{a:block}',
  ],
  hr: [
    'Presenti: {p1}, {p2:initial-surname}, {p3:titled}. Assente giustificata: {p4:given}.',
    '{p1} lavora in {org} dal {year} e risponde a {p2:titled}.',
    'Dopo il colloquio del {date}, {p1:given} passerà alla sede di {city}; {p2} prende il suo posto.',
    'Diamo il benvenuto a {p1:full}, la nuova collega dell\'amministrazione.',
  ],
  medical: [
    '{p1:titled-full} è affetto da morbo di {=Parkinson:eponym}; controllo con {p2:titled} il {date}.',
    'Nessun segno di {=Alzheimer:eponym}; {p1:given} può tornare a casa, {a}.',
    'Paziente {p1}, nato il {dob}, visitato da {p2:titled} per un controllo.',
    '{p1:titled} lamenta dolore dal {date}; è accompagnata dalla figlia {p2:given}.',
    'Lettera di dimissione di {p1:full}, {a}. Prossimo appuntamento con {p2:titled} il {date}.',
  ],
  legal: [
    'Deposizione di {p1:upper-family}, nato il {dob}, residente in {a}.',
    'L\'attore, {p1:titled-full}, residente in {a}, chiede il risarcimento a {org}.',
    'Il contratto di locazione dell\'immobile sito in {a} è stato firmato il {date} da {p1:initial-surname}.',
    'Tra {p1} e {p2}, entrambi residenti in {a}, si conviene quanto segue.',
  ],
  education: [
    'Complimenti a {p1} e {p2}, vincitori del premio di scrittura di {org}.',
    '{p1:given} ha preso il voto più alto della classe in matematica, dice {p2:titled}.',
    'Pagella di {p1}: ottimo in italiano. Insegnante: {p2:titled}.',
    'Il professor {p1:surname} segue la tesi di {p2:middle-initial} all\'Università di {city}.',
  ],
  finance: [
    '{p1} ha bonificato {amount} a {p2:full}, IBAN {iban}.',
    'Pagamento di {amount} ricevuto da {p1}; la ricevuta è stata inviata a {email1}.',
    'Intestatario del conto: {p1:full}. IBAN {iban}. Estratti conto a {a}.',
    '{p1:titled} chiede di cambiare l\'indirizzo di fatturazione in {a}.',
  ],
  travel: [
    'Ci vediamo con {p1:given} a mezzogiorno davanti al municipio di {city}.',
    'Siamo volati da {city} in {=Giordania:place-country} e siamo stati una settimana da {p1:given}.',
    '{p1} ha prenotato una camera doppia all\'albergo {org}, {a}, dal {date}.',
    'La nostra guida in {country}, {p1:given}, ci ha mostrato il porto vecchio.',
  ],
  message: [
    'puoi prendere {p1:given} alle 5 in {a:street}?',
    'Da: {p1} <{email1}>\nInviato dal mio telefono',
    'ciao sono {p1:given}, puoi lasciare le chiavi in {a:street}?',
    'Sono in ritardo, di\' a {p1:given} di cominciare senza di me.',
    'Buon compleanno {p1:given}! Un bacio da {p2:given}',
    'Nuovo indirizzo: {a}. Venite a trovarci! {p1:given}',
  ],
  bio: [
    'Traduzione dall\'inglese di {p1:middle-initial}. Revisione: {p2}.',
    '{p1:full} (nata nel {year}) vive e dipinge a {city}.',
    '{p1} è scrittrice e traduttrice, nata a {city}. Il suo ultimo libro è uscito per {org}.',
    'Nato il {dob} a {city}, {p1:full} ha studiato legge prima di entrare in {org}.',
    'Foto di {p1:initial-surname}. Grafica: {p2}.',
  ],
};
