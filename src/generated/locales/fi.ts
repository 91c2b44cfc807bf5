
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'contact.address': `Käyntiosoite`,
'contact.email': `Sähköposti`,
'contact.fax': `Faksi`,
'contact.heading': `Yhteystiedot`,
'contact.mobile': `Matkapuhelin`,
'contact.phone': `Puhelin`,
'contact.switchboard': `Vaihde`,
'contact.website': `Verkkosivusto`,
'manifesto.reviewed': str`Tarkistettu viimeksi ${0}`,
'manifesto.reviewedBy': str`Tarkistettu viimeksi ${0}, tarkistaja ${1}`,
'share.again': `Lähetä toinen vinkki`,
'share.busy': str`Liian monta vinkkiä lyhyessä ajassa. Yritä uudelleen ${0}.`,
'share.busyNext': `Kirjoittamasi teksti on tallessa. Voit myös kopioida linkin ja lähettää sen itse.`,
'share.copied': `Linkki on kopioitu.`,
'share.copy': `Kopioi linkki`,
'share.countLeft.one': str`Sinulla on ${0} merkki jäljellä`,
'share.countLeft.other': str`Sinulla on ${0} merkkiä jäljellä`,
'share.countOver.one': str`Sinulla on ${0} merkki liikaa`,
'share.countOver.other': str`Sinulla on ${0} merkkiä liikaa`,
'share.failed': `Vinkkiä ei voitu lähettää.`,
'share.failedNext': `Kirjoittamasi teksti on tallessa. Yritä uudelleen painamalla Lähetä tai kopioi linkki ja lähetä se itse.`,
'share.format': str`${0} oikeassa muodossa, esimerkiksi nimi@esimerkki.fi`,
'share.from': `Sähköpostiosoitteesi`,
'share.heading': `Vinkkaa ystävälle`,
'share.important': `Tärkeää`,
'share.later': `myöhemmin`,
'share.long': str`${0} voi olla enintään ${1} merkkiä pitkä`,
'share.mail': `Vinkkaa sähköpostilla`,
'share.message': `Viestisi`,
'share.missing': str`Kirjoita ${0}`,
'share.name': `Nimesi`,
'share.privacy': `Kirjoittamasi teksti lähetetään vastaanottajalle. Lomake ei tallenna mitään.`,
'share.required': `Kaikki kentät ovat pakollisia.`,
'share.select': `Kopioi valittu linkki.`,
'share.send': `Lähetä`,
'share.sending': `Lähetetään…`,
'share.sent': `Kiitos! Vinkki on lähetetty.`,
'share.sentBody': `Kiitos! Ystäväsi saa sähköpostiviestin, jossa on linkki sivulle.`,
'share.sentTitle': `Vinkki on lähetetty`,
'share.share': `Jaa…`,
'share.summary': `Tarkista tiedot`,
'share.to': `Ystäväsi sähköpostiosoite`,
'share.unavailable': str`Vinkkejä ei voida vastaanottaa juuri nyt. Yritä uudelleen ${0}.`,
'share.countOver.two': str`Du har ${0} tecken för mycket`,
'share.countOver.few': str`Du har ${0} tecken för mycket`,
'share.countOver.many': str`Du har ${0} tecken för mycket`,
'share.countLeft.zero': str`Du har ${0} tecken kvar`,
'share.countLeft.two': str`Du har ${0} tecken kvar`,
'share.countLeft.few': str`Du har ${0} tecken kvar`,
'share.countLeft.many': str`Du har ${0} tecken kvar`,
    };
  