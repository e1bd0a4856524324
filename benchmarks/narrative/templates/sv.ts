/** Swedish narrative templates, by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const SV: Templates = {
  story: [
    '– Jag heter {p1:given}, sa hon, och det här är min bror {p2:given}.',
    'Polisen söker {p1:full}, senast sedd den {date} i {city}.',
    'Till skillnad från romanen av {p1:surname} slutar filmen i {city}. {p2} tyckte den var fantastisk.',
    'När {p1:given} öppnade dörren stod {p2:titled} redan i hallen.',
    '{p1} växte upp på {a:street}, och varje sommar åkte familjen till {country}.',
    'Brevet var undertecknat {p1:middle-initial} och poststämplat i {city}.',
    'I {=maj:month} blommade {=rosen:word} i trädgården hos {p1:given} för första gången.',
  ],
  letter: [
    'Hej {p1:titled},\ntack för ditt brev av den {date}. Vi har registrerat din nya adress:{a:block}\nMed vänliga hälsningar\n{p2}',
    'Kära {p1:given},\nvi kommer till {city} på lördag. {p2:given} tar med tårtan.\nKramar, {p3:given}',
    'Hej {p1:given},\npaketet levererades av misstag till {a}. Kan du be {p2} hämta det?\nTack, {p3:given}',
  ],
  form: [
    'Postadress: {p1:full}, {a:po}.',
    'Sökande: {p1}, född {dob}, bosatt på {a} sedan tre år.',
    'Namn: {p1}. Adress: {a}. Födelsedatum: {dob}. Telefon: {phone}.',
    'Jag, {p1:full}, boende på {a}, intygar att uppgifterna ovan är riktiga.',
    'Skicka det nya kortet till {p1:titled-full}:{a:block}',
  ],
  hr: [
    'Närvarande: {p1}, {p2:initial-surname}, {p3:titled}. Frånvarande: {p4:given}.',
    '{p1} har arbetat på {org} sedan {year} och rapporterar till {p2:titled}.',
    'Efter samtalet den {date} flyttar {p1:given} till kontoret i {city}; {p2} tar över teamet.',
    'Välkommen till {p1:full}, vår nya kollega på ekonomi.',
  ],
  medical: [
    '{p1:titled-full} har {=Parkinsons:eponym} sjukdom; återbesök hos {p2:titled} den {date}.',
    'Patient {p1}, född {dob}, undersökt av {p2:titled} vid återbesök.',
    '{p1:titled} har haft ont i ryggen sedan {date}; dottern {p2:given} följde med.',
    'Epikris för {p1:full}, {a}. Nästa besök hos {p2:titled} den {date}.',
  ],
  legal: [
    'Käranden, {p1:titled-full}, boende på {a}, kräver skadestånd av {org}.',
    'Hyresavtalet för {a} undertecknades den {date} av {p1:initial-surname}.',
    'Mellan {p1} och {p2}, båda boende på {a}, har följande avtalats.',
  ],
  education: [
    '{p1:given} fick klassens bästa betyg i matematik, säger {p2:titled}.',
    'Omdöme för {p1}: mycket bra i svenska. Mentor: {p2:titled}.',
    'Professor {p1:surname} handleder avhandlingen av {p2:middle-initial} vid universitetet i {city}.',
  ],
  finance: [
    'Betalning på {amount} mottagen från {p1}; kvittot skickades till {email1}.',
    'Kontoinnehavare: {p1:full}. IBAN {iban}. Kontoutdrag till {a}.',
    '{p1:titled} vill ändra fakturaadressen till {a}.',
  ],
  travel: [
    'Vi flög från {city} till {=Jordanien:place-country} och bodde en vecka hos {p1:given}.',
    '{p1} har bokat ett dubbelrum på hotell {org}, {a}, från den {date}.',
    'Vår guide i {country}, {p1:given}, visade oss den gamla hamnen.',
  ],
  message: [
    'kan du hämta {p1:given} klockan 5 på {a:street}?',
    'hej det är {p1:given}, kan du lämna nycklarna på {a:street}?',
    'Jag är sen, säg till {p1:given} att börja utan mig.',
    'Grattis på födelsedagen {p1:given}! Kram från {p2:given}',
    'Ny adress: {a}. Kom förbi! {p1:given}',
  ],
  bio: [
    '{p1} är författare och översättare från {city}. Hennes senaste bok gavs ut av {org}.',
    'Född den {dob} i {city}, studerade {p1:full} juridik och arbetar i dag på {org}.',
    'Foto: {p1:initial-surname}. Formgivning: {p2}.',
  ],
};
