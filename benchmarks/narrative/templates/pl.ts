/** Polish narrative templates, by genre (slot syntax: see ../slots.ts). Names stay in the nominative. */
import type { Templates } from './types.js';

export const PL: Templates = {
  story: [
    '– Jestem {p1:given} – powiedziała – a to mój brat, {p2:given}.',
    'Policja poszukuje osoby: {p1:full}, widzianej ostatnio {date} w mieście {city}.',
    'W przeciwieństwie do powieści, którą napisał {p1:surname}, film kończy się w mieście {city}. {p2} był zachwycony.',
    'Kiedy {p1:given} otworzyła drzwi, {p2:titled} czekał już w korytarzu.',
    '{p1} dorastał przy {a:street}, a każde lato rodzina spędzała w kraju: {country}.',
    'List podpisał {p1:middle-initial}; stempel pocztowy był z miasta {city}.',
    'W {=maju:month} w ogrodzie zakwitła {=róża:word}, którą posadziła {p1:given}.',
  ],
  letter: [
    'Szanowna Pani / Szanowny Panie,\nw odpowiedzi na pismo z dnia {date} zapisaliśmy nowy adres:{a:block}\nZ poważaniem\n{p2}',
    'Droga {p1:given},\nprzyjeżdżamy w sobotę. {p2:given} przywiezie ciasto.\nŚciskam, {p3:given}',
    'Cześć {p1:given},\npaczka trafiła przez pomyłkę pod adres {a}. Czy {p2} może ją odebrać?\nDzięki, {p3:given}',
  ],
  form: [
    'Nazwisko, imię: {p1:family-comma-given}. Data urodzenia: {dob}.',
    'Adres do korespondencji: {p1:full}, {a:po}.',
    'Wnioskodawca: {p1}, urodzony {dob}, zamieszkały pod adresem {a} od trzech lat.',
    'Imię i nazwisko: {p1}. Adres: {a}. Data urodzenia: {dob}. Telefon: {phone}.',
    'Ja, {p1:full}, zamieszkały {a}, oświadczam, że powyższe dane są prawdziwe.',
    'Proszę wysłać nową kartę na adres: {p1:titled-full},{a:block}',
  ],
  hr: [
    'Obecni: {p1}, {p2:initial-surname}, {p3:titled}. Nieobecna: {p4:given}.',
    '{p1} pracuje w firmie {org} od {year} roku; przełożony: {p2:titled}.',
    'Po rozmowie w dniu {date} {p1:given} przechodzi do biura w mieście {city}; zespół przejmuje {p2}.',
    'Witamy nową koleżankę w księgowości: {p1:full}.',
  ],
  medical: [
    'Pacjent {p1:full} choruje na chorobę {=Parkinsona:eponym}; kontrola u lekarza ({p2:titled}) {date}.',
    'Pacjent: {p1}, data urodzenia {dob}, zbadany przez lekarza: {p2:titled}.',
    'Pacjentka {p1:full} zgłasza ból od {date}; przyszła z córką ({p2:given}).',
    'Wypis: {p1:full}, {a}. Następna wizyta u lekarza ({p2:titled}) w dniu {date}.',
  ],
  legal: [
    'Powód, {p1:titled-full}, zamieszkały {a}, żąda odszkodowania od {org}.',
    'Umowę najmu lokalu przy {a} podpisał w dniu {date} {p1:initial-surname}.',
    'Umowa zawarta pomiędzy: {p1} oraz {p2}, zamieszkałymi {a}.',
  ],
  education: [
    'Najlepszą ocenę z matematyki w klasie dostała {p1:given}, mówi {p2:titled}.',
    'Świadectwo: {p1}. Wychowawczyni: {p2:titled}.',
    'Promotorem pracy, którą pisze {p2:middle-initial}, jest prof. {p1:surname}.',
  ],
  finance: [
    'Wpłata {amount} od: {p1}; potwierdzenie wysłano na {email1}.',
    'Właściciel rachunku: {p1:full}. IBAN {iban}. Wyciągi na adres {a}.',
    'Klient {p1:full} prosi o zmianę adresu do faktur na {a}.',
  ],
  travel: [
    'Polecieliśmy z miasta {city} do {=Jordanii:place-country} i przez tydzień mieszkaliśmy u znajomej, {p1:given}.',
    '{p1} zarezerwował pokój dwuosobowy w hotelu {org}, {a}, od {date}.',
    'Nasza przewodniczka po kraju ({country}), {p1:given}, pokazała nam stary port.',
  ],
  message: [
    'możesz odebrać {p1:given} o 17 z {a:street}?',
    'hej tu {p1:given}, możesz zostawić klucze na {a:street}?',
    'Spóźnię się, powiedz, że {p1:given} może zaczynać beze mnie.',
    'Wszystkiego najlepszego! Buziaki, {p2:given}',
    'Nowy adres: {a}. Wpadajcie! {p1:given}',
  ],
  bio: [
    '{p1} jest pisarką i tłumaczką z miasta {city}. Jej najnowsza książka ukazała się nakładem {org}.',
    'Urodzony {dob} w mieście {city}, {p1:full} studiował prawo, a dziś pracuje w {org}.',
    'Zdjęcia: {p1:initial-surname}. Projekt: {p2}.',
  ],
};
