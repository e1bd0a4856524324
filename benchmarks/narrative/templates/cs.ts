/** Czech narrative templates, by genre (slot syntax: see ../slots.ts). Names stay in the nominative. */
import type { Templates } from './types.js';

export const CS: Templates = {
  story: [
    'Na rozdíl od románu, který napsal {p1:surname}, film končí ve městě {city}. {p2} byl nadšený.',
    'Když {p1:given} otevřela dveře, {p2:titled} už čekal na chodbě.',
    'Dopis podepsal {p1:middle-initial}; razítko bylo z města {city}.',
  ],
  letter: [
    'Vážený pane, vážená paní,\nna základě Vašeho dopisu ze dne {date} jsme zaznamenali novou adresu:{a:block}\nS pozdravem\n{p2}',
    'Ahoj {p1:given},\nbalík byl omylem doručen na adresu {a}. Může ho {p2} vyzvednout?\nDíky, {p3:given}',
  ],
  form: [
    'Korespondenční adresa: {p1:full}, {a:po}.',
    'Jméno a příjmení: {p1}. Adresa: {a}. Datum narození: {dob}. Telefon: {phone}.',
    'Já, {p1:full}, bytem {a}, prohlašuji, že uvedené údaje jsou pravdivé.',
  ],
  hr: [
    '{p1} pracuje ve společnosti {org} od roku {year}; nadřízený: {p2:titled}.',
    'Vítáme novou kolegyni v účtárně: {p1:full}.',
  ],
  medical: [
    'Pacient: {p1}, datum narození {dob}, vyšetřen lékařem: {p2:titled}.',
    'Propouštěcí zpráva: {p1:full}, {a}. Další kontrola dne {date}.',
  ],
  legal: [
    'Nájemní smlouvu k bytu na adrese {a} podepsal dne {date} {p1:initial-surname}.',
    'Smluvní strany: {p1} a {p2}, oba bytem {a}.',
  ],
  education: [
    'Nejlepší známku z matematiky ve třídě dostala {p1:given}, říká {p2:titled}.',
    'Vedoucím práce, kterou píše {p2:middle-initial}, je prof. {p1:surname}.',
  ],
  finance: [
    'Platba {amount} přijata od: {p1}; potvrzení odesláno na {email1}.',
    'Majitel účtu: {p1:full}. IBAN {iban}. Výpisy na adresu {a}.',
  ],
  travel: [
    'Letěli jsme z města {city} do {=Jordánska:place-country} a týden jsme bydleli u kamarádky, {p1:given}.',
    '{p1} si od {date} rezervoval dvoulůžkový pokoj v hotelu {org}, {a}.',
  ],
  message: [
    'ahoj tady {p1:given}, můžeš nechat klíče na {a:street}?',
    'Všechno nejlepší k narozeninám! {p2:given}',
  ],
  bio: [
    '{p1} je spisovatelka a překladatelka z města {city}. Její nová kniha vyšla v nakladatelství {org}.',
    'Foto: {p1:initial-surname}. Grafická úprava: {p2}.',
  ],
};
