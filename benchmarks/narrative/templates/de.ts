/** German narrative templates, by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const DE: Templates = {
  story: [
    '„Ich bin {p1:given}“, sagte sie, „und das ist mein Bruder {p2:given}.“',
    '{p1}, 34, aus {city} wurde von der {org} als Mitarbeiterin des Monats geehrt.',
    'Nach dem Tod von {p1:titled-full} erbte {p2:given} das Haus in der {a:street}.',
    'Die Polizei sucht {p1:full}, der zuletzt am {date} in {city} gesehen wurde.',
    'Anders als im Roman von {p1:surname} endet der Film in {city}. {p2} fand ihn trotzdem gut.',
    'Als {p1:given} die Tür öffnete, stand {p2:titled} schon im Flur.',
    '{p1} wuchs in der {a:street} auf, und jeden Sommer fuhr die Familie nach {country}.',
    'Im {=Mai:name-word} blühte die {=Rose:name-word} im Garten von {p1:given} zum ersten Mal.',
    'Den Brief hatte {p1:middle-initial} unterschrieben; abgestempelt war er in {city}.',
  ],
  letter: [
    'Hallo {p1:given} und {p2:given},\ndanke für die Blumen!\nEure {p3:given}',
    'Guten Tag {p1:titled-full},\nvielen Dank für Ihr Schreiben vom {date}. Ihre neue Anschrift lautet:{a:block}\nMit freundlichen Grüßen\n{p2}',
    'Liebe {p1:given},\nwir kommen am Wochenende nach {city}. {p2:given} bringt den Kuchen mit.\nDeine {p3:given}',
    'Hallo {p1:given},\ndas Paket ist versehentlich an {a} gegangen. Kannst du {p2} fragen, ob es dort liegt?\nGruß, {p3:given}',
  ],
  form: [
    'Name, Vorname: {p1:family-comma-given}. Geburtsdatum: {dob}.',
    'Postanschrift: {p1:full}, {a:po}.',
    'Bitte antworten Sie an:\n{p1:titled-full}{a:po-block}',
    'Bestellung für {p1:full}.\nLieferadresse:{a:block}',
    'Der Antragsteller {p1}, geboren am {dob}, wohnt seit drei Jahren unter der Anschrift {a}.',
    'Name: {p1}. Anschrift: {a}. Geburtsdatum: {dob}. Telefon: {phone}.',
    'Ich, {p1:full}, wohnhaft {a}, bestätige die Richtigkeit der Angaben.',
    'Bitte senden Sie die Ersatzkarte an {p1:titled-full},{a:block}',
  ],
  hr: [
    'Anwesend: {p1}, {p2:initial-surname}, {p3:titled}. Entschuldigt: {p4:given}.',
    '{p1} ist seit {year} bei der {org} und berichtet an {p2:titled}.',
    'Nach dem Gespräch am {date} wechselt {p1:given} in das Büro in {city}; {p2} übernimmt das Team.',
    'Bitte begrüßt {p1:full}, unsere neue Kollegin in der Buchhaltung.',
  ],
  medical: [
    '{p1:titled-full} leidet an Morbus {=Parkinson:eponym}; Kontrolle bei {p2:titled} am {date}.',
    'Kein Hinweis auf {=Alzheimer:eponym}; {p1:given} kann nach Hause, {a}.',
    'Patient {p1}, geb. {dob}, wurde von {p2:titled} zur Nachuntersuchung einbestellt.',
    '{p1:titled} klagt seit dem {date} über Rückenschmerzen; die Tochter {p2:given} hat sie begleitet.',
    'Entlassbrief für {p1:full}, {a}. Nächster Termin bei {p2:titled} am {date}.',
  ],
  legal: [
    'Zeugenaussage von {p1:full}, geboren am {dob}, wohnhaft {a}.',
    'Der Kläger, {p1:titled-full}, wohnhaft {a}, verlangt Schadensersatz von der {org}.',
    'Der Mietvertrag für die Wohnung {a} wurde am {date} von {p1:initial-surname} unterzeichnet.',
    'Zwischen {p1} und {p2}, beide wohnhaft {a}, wird folgender Vertrag geschlossen.',
  ],
  education: [
    'Herzlichen Glückwunsch an {p1} und {p2} zum Aufsatzpreis der {org}.',
    '{p1:given} hat die beste Mathearbeit der Klasse geschrieben, sagt {p2:titled}.',
    'Zeugnis für {p1}: sehr gute Leistungen in Deutsch. Klassenlehrerin: {p2:titled}.',
    'Prof. {p1:surname} betreut die Doktorarbeit von {p2:middle-initial} an der Universität {city}.',
  ],
  finance: [
    '{p1} hat {amount} an {p2:full} überwiesen, IBAN {iban}.',
    'Zahlung von {p1} über {amount} eingegangen; die Quittung ging an {email1}.',
    'Kontoinhaber: {p1:full}. IBAN {iban}. Kontoauszüge an {a}.',
    '{p1:titled} möchte die Rechnungsadresse auf {a} ändern.',
  ],
  travel: [
    'Wir treffen {p1:given} um zwölf am Brunnen vor dem Rathaus in {city}.',
    'Wir sind von {city} nach {=Jordanien:place-country} geflogen und haben eine Woche bei {p1:given} gewohnt.',
    '{p1} hat vom {date} an ein Doppelzimmer in der Pension {org}, {a}, gebucht.',
    'Unser Reiseleiter in {country}, {p1:given}, zeigte uns den alten Hafen.',
  ],
  message: [
    'kannst du {p1:given} um 5 in der {a:street} abholen?',
    'Von: {p1} <{email1}>\nGesendet von meinem Handy',
    'hey, hier ist {p1:given}. kannst du die schlüssel in die {a:street} bringen?',
    'Bin spät dran, sag {p1:given}, sie sollen ohne mich anfangen.',
    'Alles Gute zum Geburtstag, {p1:given}! Liebe Grüße von {p2:given}',
    'Neue Adresse: {a}. Kommt vorbei! {p1:given}',
  ],
  bio: [
    'Aus dem Englischen von {p1:middle-initial}. Lektorat: {p2}.',
    '{p1:full} (geb. {year}) lebt als Malerin in {city}.',
    '{p1} ist Autorin und Übersetzerin aus {city}. Ihr neues Buch erschien bei {org}.',
    'Geboren am {dob} in {city}, studierte {p1:full} Jura und arbeitet heute bei {org}.',
    'Fotos: {p1:initial-surname}. Gestaltung: {p2}.',
  ],
};
