/** Spanish narrative templates, by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const ES: Templates = {
  story: [
    '—Me llamo {p1:given} —dijo ella—, y este es mi hermano {p2:given}.',
    '{p1}, de 34 años y vecina de {city}, fue nombrada empleada del mes por {org}.',
    'Tras la muerte de {p1:titled-full}, {p2:given} heredó la casa de {a:street}.',
    'La policía busca a {p1:full}, visto por última vez el {date} en {city}.',
    'A diferencia de la novela de {p1:surname}, la película termina en {city}. A {p2} le encantó.',
    'Cuando {p1:given} abrió la puerta, {p2:titled} ya esperaba en el pasillo.',
    '{p1} creció en {a:street} y cada verano la familia viajaba a {country}.',
    'La carta estaba firmada por {p1:middle-initial} y sellada en {city}.',
    'La {=Rosa:name-word} del jardín de {p1:given} era de color {=rosa:name-word}; {p2} la cuidaba con {=paciencia:word}.',
  ],
  letter: [
    'Queridos {p1:given} y {p2:given}:\n¡gracias por las flores!\nUn abrazo, {p3:given}',
    'Estimado/a {p1:titled}:\nen respuesta a su carta del {date}, hemos registrado su nueva dirección:{a:block}\nAtentamente,\n{p2}',
    'Querida {p1:given}:\nllegamos a {city} el sábado. {p2:given} trae la tarta.\nUn abrazo, {p3:given}',
    'Hola {p1:given}:\nel paquete se entregó por error en {a}. ¿Puedes pedirle a {p2} que lo recoja?\nGracias, {p3:given}',
  ],
  form: [
    'Apellidos y nombre: {p1:family-comma-given}. Fecha de nacimiento: {dob}.',
    'Pedido de {p1:full}.\nDirección de envío:{a:block}',
    'El solicitante, {p1}, nacido el {dob}, reside en {a} desde hace tres años.',
    'Nombre: {p1}. Domicilio: {a}. Fecha de nacimiento: {dob}. Teléfono: {phone}.',
    'Yo, {p1:full}, con domicilio en {a}, declaro que los datos anteriores son ciertos.',
    'Envíen la tarjeta de reposición a {p1:titled-full}:{a:block}',
  ],
  hr: [
    'Asistentes: {p1}, {p2:initial-surname}, {p3:titled}. Excusa su ausencia: {p4:given}.',
    '{p1} se incorporó a {org} en {year} y depende de {p2:titled}.',
    'Tras la reunión del {date}, {p1:given} pasará a la oficina de {city}; {p2} se queda con el equipo.',
    'Demos la bienvenida a {p1:full}, nuestra nueva compañera de contabilidad.',
  ],
  medical: [
    '{p1:titled-full} padece la enfermedad de {=Parkinson:eponym}; control con {p2:titled} el {date}.',
    'Sin signos de {=Alzheimer:eponym}; {p1:given} puede volver a {a}.',
    'Paciente {p1}, fecha de nacimiento {dob}, atendido por {p2:titled} en consulta de control.',
    '{p1:titled} refiere dolor desde el {date}; la acompaña su hija {p2:given}.',
    'Informe de alta de {p1:full}, {a}. Próxima cita con {p2:titled} el {date}.',
  ],
  legal: [
    'Declaración testifical de {p1:full}, nacido el {dob}, con domicilio en {a}.',
    'La correspondencia debe enviarse a {p1:titled-full}, {a:po}.',
    'El demandante, {p1:titled-full}, con domicilio en {a}, reclama daños a {org}.',
    'El contrato de arrendamiento de la vivienda sita en {a} fue firmado el {date} por {p1:initial-surname}.',
    'Reunidos {p1} y {p2}, ambos con domicilio en {a}, acuerdan lo siguiente.',
  ],
  education: [
    'Enhorabuena a {p1} y {p2}, ganadores del premio de redacción de {org}.',
    '{p1:given} sacó la mejor nota de la clase en matemáticas, según {p2:titled}.',
    'Boletín de {p1}: muy buen trabajo en lengua. Tutora: {p2:titled}.',
    'El profesor {p1:surname} dirige la tesis de {p2:middle-initial} en la Universidad de {city}.',
  ],
  finance: [
    '{p1} transfirió {amount} a {p2:full}, IBAN {iban}.',
    'Pago de {amount} recibido de {p1}; el recibo se envió a {email1}.',
    'Titular de la cuenta: {p1:full}. IBAN {iban}. Extractos a {a}.',
    '{p1:titled} pide cambiar la dirección de facturación a {a}.',
  ],
  travel: [
    'Quedamos con {p1:given} a las doce delante del ayuntamiento de {city}.',
    'Volamos de {city} a {=Jordania:place-country} y pasamos una semana en casa de {p1:given}.',
    '{p1} reservó una habitación doble en el hostal {org}, {a}, desde el {date}.',
    'Nuestra guía en {country}, {p1:given}, nos enseñó el puerto viejo.',
  ],
  message: [
    'puedes recoger a {p1:given} a las 5 en {a:street}?',
    'De: {p1} <{email1}>\nEnviado desde mi móvil',
    'hola soy {p1:given}, puedes dejar las llaves en {a:street}?',
    'Llego tarde, dile a {p1:given} que empiecen sin mí.',
    '¡Feliz cumpleaños, {p1:given}! Besos de {p2:given}',
    'Nueva dirección: {a}. ¡Venid a vernos! {p1:given}',
  ],
  bio: [
    'Traducción del inglés de {p1:middle-initial}. Corrección: {p2}.',
    '{p1:full} (nacida en {year}) vive y pinta en {city}.',
    '{p1} es escritora y traductora, nacida en {city}. Su último libro lo publicó {org}.',
    'Nacido el {dob} en {city}, {p1:full} estudió Derecho antes de entrar en {org}.',
    'Fotografía: {p1:initial-surname}. Diseño: {p2}.',
  ],
};
