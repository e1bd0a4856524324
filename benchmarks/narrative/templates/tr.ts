/**
 * Turkish narrative templates, by genre (slot syntax: see ../slots.ts). `Bey` and `Hanım` follow the
 * name and are not part of it, like titles before a name elsewhere.
 */
import type { Templates } from './types.js';

export const TR: Templates = {
  story: [
    '{p1:surname} romanının aksine film {city} şehrinde bitiyor. {p2} filmi çok beğendi.',
    '{p1:given} kapıyı açtığında {p2:given} Hanım koridorda bekliyordu.',
    'Mektubu {p1:middle-initial} imzalamıştı; damga {city} postanesine aitti.',
  ],
  letter: [
    'Sayın {p1:full},\n{date} tarihli mektubunuz için teşekkür ederiz. Yeni adresiniz kaydedildi:{a:block}\nSaygılarımızla,\n{p2}',
    'Sevgili {p1:given},\ncumartesi {city} şehrine geliyoruz. Pastayı {p2:given} getirecek.\nSevgiler, {p3:given}',
  ],
  form: [
    'Yazışma adresi: {p1:full}, {a:po}.',
    'Adı soyadı: {p1}. Adres: {a}. Doğum tarihi: {dob}. Telefon: {phone}.',
    'Ben, {p1:full}, {a} adresinde ikamet etmekteyim; bilgilerin doğru olduğunu beyan ederim.',
  ],
  hr: [
    '{p1}, {year} yılından beri {org} şirketinde çalışıyor ve {p2:given} Bey\'e bağlı.',
    'Muhasebedeki yeni çalışma arkadaşımız {p1:full} aramıza hoş geldi.',
  ],
  medical: [
    'Hasta: {p1}, doğum tarihi {dob}, kontrol için {p2:titled} tarafından görüldü.',
    'Taburcu özeti: {p1:full}, {a}. Sonraki randevu {date}.',
  ],
  legal: [
    '{a} adresindeki dairenin kira sözleşmesi {date} tarihinde {p1:initial-surname} tarafından imzalandı.',
    'Taraflar: {p1} ve {p2}, her ikisi de {a} adresinde ikamet etmektedir.',
  ],
  education: [
    'Sınıfın en yüksek matematik notunu {p1:given} aldı, diyor {p2:given} Hanım.',
    '{p2:middle-initial} adlı öğrencinin tezini Prof. {p1:surname} yönetiyor.',
  ],
  finance: [
    '{p1} tarafından {amount} ödeme alındı; makbuz {email1} adresine gönderildi.',
    'Hesap sahibi: {p1:full}. IBAN {iban}. Hesap özetleri {a} adresine gönderilir.',
  ],
  travel: [
    '{city} şehrinden {=Ürdün:place-country} ülkesine uçtuk ve bir hafta {p1:given} ile kaldık.',
    '{p1}, {date} tarihinden itibaren {org} otelinde ({a}) çift kişilik oda ayırttı.',
  ],
  message: [
    'selam ben {p1:given}, anahtarları {a:street} adresine bırakabilir misin?',
    'İyi ki doğdun {p1:given}! Sevgiler, {p2:given}',
  ],
  bio: [
    '{p1} {city} doğumlu bir yazar ve çevirmendir. Son kitabı {org} tarafından yayımlandı.',
    'Fotoğraf: {p1:initial-surname}. Tasarım: {p2}.',
  ],
};
