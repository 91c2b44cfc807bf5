
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
'contact.save': `Save contact`,
'contact.switchboard': `Switchboard`,
'contact.website': `Website`,
'manifesto.reviewed': str`Last reviewed ${0}`,
'manifesto.reviewedBy': str`Last reviewed ${0} by ${1}`,
    };
  