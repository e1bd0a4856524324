/** Dutch narrative templates, by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const NL: Templates = {
  story: [
    '"Ik ben {p1:given}," zei ze, "en dit is mijn broer {p2:given}."',
    'De politie zoekt {p1:full}, voor het laatst gezien op {date} in {city}.',
    'Anders dan in de roman van {p1:surname} eindigt de film in {city}. {p2} vond hem prachtig.',
    'Toen {p1:given} de deur opendeed, stond {p2:titled} al in de gang.',
    '{p1} groeide op aan de {a:street} en elke zomer ging het gezin naar {country}.',
    'De brief was ondertekend door {p1:middle-initial} en afgestempeld in {city}.',
    'In {=mei:month} bloeide de {=roos:word} in de tuin van {p1:given} voor het eerst.',
  ],
  letter: [
    'Geachte {p1:titled},\nnaar aanleiding van uw brief van {date} hebben wij uw nieuwe adres genoteerd:{a:block}\nMet vriendelijke groet,\n{p2}',
    'Lieve {p1:given},\nwe komen zaterdag naar {city}. {p2:given} neemt de taart mee.\nLiefs, {p3:given}',
    'Hoi {p1:given},\nhet pakket is per ongeluk bezorgd op {a}. Kun je {p2} vragen het op te halen?\nGroetjes, {p3:given}',
  ],
  form: [
    'Achternaam, voornaam: {p1:family-comma-given}. Geboortedatum: {dob}.',
    'Correspondentieadres: {p1:full}, {a:po}.',
    'De aanvrager, {p1}, geboren op {dob}, woont sinds drie jaar op {a}.',
    'Naam: {p1}. Adres: {a}. Geboortedatum: {dob}. Telefoon: {phone}.',
    'Ondergetekende {p1:full}, wonende te {a}, verklaart dat bovenstaande gegevens juist zijn.',
    'Stuur de vervangende pas naar {p1:titled-full}:{a:block}',
  ],
  hr: [
    'Aanwezig: {p1}, {p2:initial-surname}, {p3:titled}. Afwezig: {p4:given}.',
    '{p1} werkt sinds {year} bij {org} en rapporteert aan {p2:titled}.',
    'Na het gesprek van {date} gaat {p1:given} naar het kantoor in {city}; {p2} neemt het team over.',
    'Welkom aan {p1:full}, onze nieuwe collega op de administratie.',
  ],
  medical: [
    '{p1:titled-full} heeft de ziekte van {=Parkinson:eponym}; controle bij {p2:titled} op {date}.',
    'Patiënt {p1}, geboren {dob}, gezien door {p2:titled} voor controle.',
    '{p1:titled} heeft sinds {date} pijn in de rug; dochter {p2:given} was mee.',
    'Ontslagbrief voor {p1:full}, {a}. Volgende afspraak bij {p2:titled} op {date}.',
  ],
  legal: [
    'Eiser, {p1:titled-full}, wonende te {a}, vordert schadevergoeding van {org}.',
    'Het huurcontract voor {a} is op {date} getekend door {p1:initial-surname}.',
    'Tussen {p1} en {p2}, beiden wonende te {a}, is het volgende overeengekomen.',
  ],
  education: [
    '{p1:given} had het hoogste cijfer van de klas voor wiskunde, zegt {p2:titled}.',
    'Rapport van {p1}: goed in lezen, spelling kan beter. Mentor: {p2:titled}.',
    'Prof. {p1:surname} begeleidt het proefschrift van {p2:middle-initial} aan de universiteit van {city}.',
  ],
  finance: [
    'Betaling van {amount} ontvangen van {p1}; het bewijs is gemaild naar {email1}.',
    'Rekeninghouder: {p1:full}. IBAN {iban}. Afschriften naar {a}.',
    '{p1:titled} wil het factuuradres wijzigen in {a}.',
  ],
  travel: [
    'We vlogen van {city} naar {=Jordanië:place-country} en logeerden een week bij {p1:given}.',
    '{p1} heeft vanaf {date} een tweepersoonskamer geboekt in hotel {org}, {a}.',
    'Onze gids in {country}, {p1:given}, liet ons de oude haven zien.',
  ],
  message: [
    'kun jij {p1:given} om 5 uur ophalen op de {a:street}?',
    'hoi met {p1:given}, kun je de sleutels naar de {a:street} brengen?',
    'Ik ben laat, zeg tegen {p1:given} dat ze zonder mij beginnen.',
    'Gefeliciteerd {p1:given}! Groetjes van {p2:given}',
    'Nieuw adres: {a}. Kom langs! {p1:given}',
  ],
  bio: [
    '{p1} is schrijfster en vertaalster uit {city}. Haar nieuwste boek verscheen bij {org}.',
    'Geboren op {dob} in {city}, studeerde {p1:full} rechten en werkt nu bij {org}.',
    'Foto: {p1:initial-surname}. Vormgeving: {p2}.',
  ],
};
