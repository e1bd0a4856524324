/** French narrative templates, by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const FR: Templates = {
  story: [
    '« Je m\'appelle {p1:given} », dit-elle, « et voici mon frère {p2:given}. »',
    '{p1}, 34 ans, originaire de {city}, a été nommée employée du mois par {org}.',
    'Après la mort de {p1:titled-full}, {p2:given} a hérité de la maison du {a:street}.',
    'La police recherche {p1:full}, vu pour la dernière fois le {date} à {city}.',
    'Contrairement au roman de {p1:surname}, le film se termine à {city}. {p2} l\'a trouvé magnifique.',
    'Quand {p1:given} a ouvert la porte, {p2:titled} attendait déjà dans le couloir.',
    '{p1} a grandi au {a:street}, et chaque été la famille partait pour {country}.',
    'La lettre était signée {p1:middle-initial} et postée à {city}.',
    'En {=mai:name-word}, {p1:given} a planté une {=rose:name-word} devant la maison de {p2}.',
  ],
  letter: [
    'Chers {p1:given} et {p2:given},\nmerci pour les fleurs !\nAmitiés, {p3:given}',
    'Madame, Monsieur,\nsuite à votre courrier du {date}, nous avons enregistré votre nouvelle adresse :{a:block}\nCordialement,\n{p2}',
    'Chère {p1:given},\nnous arrivons à {city} samedi. {p2:given} apporte le gâteau.\nBises, {p3:given}',
    'Bonjour {p1:titled},\nle colis a été livré au {a} par erreur. Pourriez-vous demander à {p2} de le récupérer ?\nMerci, {p3:given}',
  ],
  form: [
    'Nom et prénom : {p1:upper-family}. Né(e) le {dob} à {city}.',
    'Adresse postale :\n{p1:full}{a:po-block}',
    'Commande de {p1:full}.\nAdresse de livraison :{a:block}',
    'Le demandeur, {p1}, né le {dob}, demeure au {a} depuis trois ans.',
    'Nom : {p1}. Adresse : {a}. Date de naissance : {dob}. Téléphone : {phone}.',
    'Je soussigné(e) {p1:full}, demeurant {a}, certifie l\'exactitude des informations ci-dessus.',
    'Merci d\'envoyer la carte de remplacement à {p1:titled-full} :{a:block}',
  ],
  hr: [
    'Présents : {p1}, {p2:initial-surname}, {p3:titled}. Excusée : {p4:given}.',
    '{p1} a rejoint {org} en {year} et travaille sous la responsabilité de {p2:titled}.',
    'Après l\'entretien du {date}, {p1:given} rejoindra le bureau de {city} ; {p2} reprend l\'équipe.',
    'Merci d\'accueillir {p1:full}, notre nouvelle collègue à la comptabilité.',
  ],
  medical: [
    '{p1:titled-full} est suivi pour une maladie de {=Parkinson:eponym} ; contrôle avec {p2:titled} le {date}.',
    'Pas de signe de maladie d\'{=Alzheimer:eponym} ; {p1:given} peut rentrer au {a}.',
    'Patient : {p1}, né(e) le {dob}, vu par {p2:titled} en consultation de suivi.',
    '{p1:titled} se plaint de douleurs depuis le {date} ; sa fille {p2:given} l\'accompagnait.',
    'Compte rendu de sortie de {p1:full}, {a}. Prochain rendez-vous avec {p2:titled} le {date}.',
  ],
  legal: [
    'Déposition de {p1:upper-family}, né(e) le {dob}, demeurant {a}.',
    'Toute correspondance doit être adressée à {p1:titled-full}, {a:po}.',
    'Le demandeur, {p1:titled-full}, demeurant {a}, réclame des dommages-intérêts à {org}.',
    'Le bail du logement situé {a} a été signé le {date} par {p1:initial-surname}.',
    'Entre les soussignés {p1} et {p2}, domiciliés {a}, il a été convenu ce qui suit.',
  ],
  education: [
    'Félicitations à {p1} et {p2}, lauréats du prix de rédaction de {org}.',
    '{p1:given} a eu la meilleure note de la classe en mathématiques, selon {p2:titled}.',
    'Bulletin de {p1} : très bon travail en français. Professeur principal : {p2:titled}.',
    'Le professeur {p1:surname} encadre la thèse de {p2:middle-initial} à l\'université de {city}.',
  ],
  finance: [
    '{p1} a viré {amount} à {p2:full}, IBAN {iban}.',
    'Paiement de {amount} reçu de {p1} ; le reçu a été envoyé à {email1}.',
    'Titulaire du compte : {p1:full}. IBAN {iban}. Relevés envoyés au {a}.',
    '{p1:titled} souhaite que ses factures soient envoyées au {a}.',
  ],
  travel: [
    'Rendez-vous avec {p1:given} à midi devant la mairie de {city}.',
    'Nous avons pris l\'avion de {city} pour la {=Jordanie:place-country} et logé une semaine chez {p1:given}.',
    '{p1} a réservé une chambre double à l\'hôtel {org}, {a}, à partir du {date}.',
    'Notre guide en {country}, {p1:given}, nous a montré le vieux port.',
  ],
  message: [
    'tu peux récupérer {p1:given} à 17h au {a:street} ?',
    'De : {p1} <{email1}>\nEnvoyé de mon téléphone',
    'coucou c\'est {p1:given}, tu peux déposer les clés au {a:street} ?',
    'Je suis en retard, dis à {p1:given} de commencer sans moi.',
    'Joyeux anniversaire {p1:given} ! Bisous de {p2:given}',
    'Nouvelle adresse : {a}. Passez nous voir ! {p1:given}',
  ],
  bio: [
    'Traduit de l\'anglais par {p1:middle-initial}. Relecture : {p2}.',
    '{p1:full} (née en {year}) vit et peint à {city}.',
    '{p1} est écrivaine et traductrice, née à {city}. Son dernier livre est paru chez {org}.',
    'Né le {dob} à {city}, {p1:full} a étudié le droit avant de rejoindre {org}.',
    'Photos : {p1:initial-surname}. Mise en page : {p2}.',
  ],
};
