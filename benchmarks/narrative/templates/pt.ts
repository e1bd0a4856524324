/** Portuguese narrative templates (Portugal and Brazil), by genre (slot syntax: see ../slots.ts). */
import type { Templates } from './types.js';

export const PT: Templates = {
  story: [
    '— Chamo-me {p1:given} — disse ela —, e este é o meu irmão {p2:given}.',
    'A polícia procura {p1:full}, visto pela última vez a {date} em {city}.',
    'Ao contrário do romance de {p1:surname}, o filme termina em {city}. {p2} adorou.',
    'Quando {p1:given} abriu a porta, {p2:titled} já esperava no corredor.',
    '{p1} cresceu na {a:street} e todo verão a família viajava para {country}.',
    'A carta estava assinada por {p1:middle-initial} e carimbada em {city}.',
    'A {=Rosa:name-word} do jardim de {p1:given} floresceu em {=maio:month}; {p2:given} diz que foi a {=Graça:name-word} de Deus.',
  ],
  letter: [
    'Prezado(a) {p1:titled},\nem resposta à sua carta de {date}, registámos a sua nova morada:{a:block}\nCom os melhores cumprimentos,\n{p2}',
    'Querida {p1:given},\nchegamos a {city} no sábado. {p2:given} leva o bolo.\nBeijos, {p3:given}',
    'Olá {p1:given},\na encomenda foi entregue por engano na {a}. Podes pedir ao {p2:given} para a ir buscar?\nObrigado, {p3:given}',
  ],
  form: [
    'Morada para correspondência: {p1:full}, {a:po}.',
    'O requerente, {p1}, nascido em {dob}, reside na {a} há três anos.',
    'Nome: {p1}. Morada: {a}. Data de nascimento: {dob}. Telefone: {phone}.',
    'Eu, {p1:full}, residente na {a}, declaro que as informações acima são verdadeiras.',
    'Enviem o cartão de substituição para {p1:titled-full}:{a:block}',
  ],
  hr: [
    'Presentes: {p1}, {p2:initial-surname}, {p3:titled}. Ausente: {p4:given}.',
    '{p1} trabalha na {org} desde {year} e reporta a {p2:titled}.',
    'Após a reunião de {date}, {p1:given} passa para o escritório de {city}; {p2} assume a equipa.',
    'Damos as boas-vindas a {p1:full}, a nova colega da contabilidade.',
  ],
  medical: [
    '{p1:titled-full} tem doença de {=Parkinson:eponym}; consulta com {p2:titled} a {date}.',
    'Paciente {p1}, data de nascimento {dob}, observado por {p2:titled} em consulta de seguimento.',
    '{p1:titled} refere dores desde {date}; veio acompanhada pela filha {p2:given}.',
    'Nota de alta de {p1:full}, {a}. Próxima consulta com {p2:titled} em {date}.',
  ],
  legal: [
    'O autor, {p1:titled-full}, residente na {a}, pede indemnização à {org}.',
    'O contrato de arrendamento do imóvel sito na {a} foi assinado em {date} por {p1:initial-surname}.',
    'Entre {p1} e {p2}, ambos residentes na {a}, é celebrado o presente acordo.',
  ],
  education: [
    '{p1:given} teve a melhor nota da turma a matemática, diz {p2:titled}.',
    'Boletim de {p1}: muito bom a português. Professora: {p2:titled}.',
    'O professor {p1:surname} orienta a tese de {p2:middle-initial} na Universidade de {city}.',
  ],
  finance: [
    'Pagamento de {amount} recebido de {p1}; o recibo foi enviado para {email1}.',
    'Titular da conta: {p1:full}. IBAN {iban}. Extratos para {a}.',
    '{p1:titled} pede para mudar o endereço de faturação para {a}.',
  ],
  travel: [
    'Voámos de {city} para a {=Jordânia:place-country} e ficámos uma semana em casa de {p1:given}.',
    '{p1} reservou um quarto duplo no hotel {org}, {a}, a partir de {date}.',
    'A nossa guia em {country}, {p1:given}, mostrou-nos o porto velho.',
  ],
  message: [
    'podes ir buscar a {p1:given} às 5 na {a:street}?',
    'oi aqui é {p1:given}, pode deixar as chaves na {a:street}?',
    'Estou atrasado, diz à {p1:given} para começarem sem mim.',
    'Parabéns {p1:given}! Beijinhos da {p2:given}',
    'Morada nova: {a}. Apareçam! {p1:given}',
  ],
  bio: [
    '{p1} é escritora e tradutora, nascida em {city}. O seu último livro saiu pela {org}.',
    'Nascido em {dob} em {city}, {p1:full} estudou Direito antes de entrar na {org}.',
    'Fotografia: {p1:initial-surname}. Design: {p2}.',
  ],
};
