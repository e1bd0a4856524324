/** Danish narrative templates, by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const DA: Templates = {
  story: [
    'I modsætning til romanen af {p1:surname} slutter filmen i {city}. {p2} syntes, den var fantastisk.',
    'Da {p1:given} åbnede døren, stod {p2:titled} allerede i entréen.',
    '{p1} voksede op på {a:street}, og hver sommer tog familien til {country}.',
  ],
  letter: [
    'Kære {p1:given},\nvi kommer til {city} på lørdag. {p2:given} tager kagen med.\nKærlig hilsen {p3:given}',
    'Til {p1:titled-full},\ntak for dit brev af {date}. Vi har registreret din nye adresse:{a:block}\nMed venlig hilsen\n{p2}',
  ],
  form: [
    'Postadresse: {p1:full}, {a:po}.',
    'Navn: {p1}. Adresse: {a}. Fødselsdato: {dob}. Telefon: {phone}.',
    'Undertegnede {p1:full}, bosat {a}, bekræfter, at oplysningerne er korrekte.',
  ],
  hr: [
    '{p1} har arbejdet hos {org} siden {year} og refererer til {p2:titled}.',
    'Velkommen til {p1:full}, vores nye kollega i bogholderiet.',
  ],
  medical: [
    'Patient {p1}, født {dob}, set af {p2:titled} til kontrol.',
    'Epikrise for {p1:full}, {a}. Næste tid hos {p2:titled} den {date}.',
  ],
  legal: [
    'Lejekontrakten for {a} blev underskrevet den {date} af {p1:initial-surname}.',
    'Mellem {p1} og {p2}, begge bosat {a}, er følgende aftalt.',
  ],
  education: [
    '{p1:given} fik klassens bedste karakter i matematik, siger {p2:titled}.',
    'Professor {p1:surname} vejleder afhandlingen af {p2:middle-initial} ved universitetet i {city}.',
  ],
  finance: [
    'Betaling på {amount} modtaget fra {p1}; kvitteringen er sendt til {email1}.',
    'Kontohaver: {p1:full}. IBAN {iban}. Kontoudtog sendes til {a}.',
  ],
  travel: [
    'Vi fløj fra {city} til {=Jordan:place-country} og boede en uge hos {p1:given}.',
    '{p1} har booket et dobbeltværelse på hotel {org}, {a}, fra den {date}.',
  ],
  message: [
    'hej det er {p1:given}, kan du lægge nøglerne på {a:street}?',
    'Tillykke med fødselsdagen {p1:given}! Knus fra {p2:given}',
  ],
  bio: [
    '{p1} er forfatter og oversætter fra {city}. Hendes seneste bog udkom på {org}.',
    'Foto: {p1:initial-surname}. Grafisk design: {p2}.',
  ],
};
