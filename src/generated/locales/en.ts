
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

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
    };
  