
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'contact.address': `Visiting address`,
'contact.email': `Email`,
'contact.fax': `Fax`,
'contact.heading': `Contact`,
'contact.mobile': `Mobile`,
'contact.phone': `Phone`,
'contact.switchboard': `Switchboard`,
'contact.website': `Website`,
'manifesto.reviewed': str`Last reviewed ${0}`,
'manifesto.reviewedBy': str`Last reviewed ${0} by ${1}`,
'share.again': `Send another`,
'share.busy': str`Too many tips in a short time. Try again ${0}.`,
'share.busyNext': `What you wrote is still here. You can also copy the link and send it yourself.`,
'share.copied': `Link copied.`,
'share.copy': `Copy link`,
'share.countLeft.one': str`You have ${0} character remaining`,
'share.countLeft.other': str`You have ${0} characters remaining`,
'share.countOver.one': str`You have ${0} character too many`,
'share.countOver.other': str`You have ${0} characters too many`,
'share.failed': `Your tip could not be sent.`,
'share.failedNext': `What you wrote is still here. Press Send to try again, or copy the link and send it yourself.`,
'share.format': str`${0} in the correct format, like name@example.com`,
'share.from': `Your email address`,
'share.heading': `Tell a friend`,
'share.important': `Important`,
'share.later': `later`,
'share.long': str`${0} must be ${1} characters or fewer`,
'share.mail': `Tell a friend by email`,
'share.message': `Your message`,
'share.missing': str`Enter ${0}`,
'share.name': `Your name`,
'share.privacy': `What you write is sent to the recipient. The form stores nothing.`,
'share.required': `All fields are required.`,
'share.select': `Copy the selected link.`,
'share.send': `Send`,
'share.sending': `Sending…`,
'share.sent': `Thanks! Your tip has been sent.`,
'share.sentBody': `Thank you! Your friend gets an email with the link to the page.`,
'share.sentTitle': `Tip sent`,
'share.share': `Share…`,
'share.summary': `There is a problem`,
'share.to': `Your friend's email address`,
'share.unavailable': str`Tips cannot be received right now. Try again ${0}.`,
'share.countOver.two': str`Du har ${0} tecken för mycket`,
'share.countOver.few': str`Du har ${0} tecken för mycket`,
'share.countOver.many': str`Du har ${0} tecken för mycket`,
'share.countLeft.zero': str`Du har ${0} tecken kvar`,
'share.countLeft.two': str`Du har ${0} tecken kvar`,
'share.countLeft.few': str`Du har ${0} tecken kvar`,
'share.countLeft.many': str`Du har ${0} tecken kvar`,
    };
  