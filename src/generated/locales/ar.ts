
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'contact.address': `عنوان الزيارة`,
'contact.email': `البريد الإلكتروني`,
'contact.fax': `الفاكس`,
'contact.heading': `للتواصل`,
'contact.mobile': `الجوال`,
'contact.phone': `الهاتف`,
'contact.switchboard': `المقسم`,
'contact.website': `الموقع الإلكتروني`,
'manifesto.reviewed': str`آخر مراجعة في ${0}`,
'manifesto.reviewedBy': str`آخر مراجعة في ${0}، أجراها ${1}`,
'share.again': `إرسال رسالة أخرى`,
'share.busy': str`أُرسلت رسائل كثيرة في وقت قصير. يُرجى المحاولة مرة أخرى ${0}.`,
'share.busyNext': `ما كتبته ما زال محفوظًا. يمكنك أيضًا نسخ الرابط وإرساله بنفسك.`,
'share.copied': `تم نسخ الرابط.`,
'share.copy': `نسخ الرابط`,
'share.countLeft.few': str`يتبقّى لك ${0} أحرف`,
'share.countLeft.many': str`يتبقّى لك ${0} حرفًا`,
'share.countLeft.one': str`يتبقّى لك ${0} حرف`,
'share.countLeft.other': str`يتبقّى لك ${0} حرف`,
'share.countLeft.two': str`يتبقّى لك ${0} حرفان`,
'share.countLeft.zero': str`يتبقّى لك ${0} حرف`,
'share.countOver.few': str`لقد تجاوزت الحد بـ${0} أحرف`,
'share.countOver.many': str`لقد تجاوزت الحد بـ${0} حرفًا`,
'share.countOver.one': str`لقد تجاوزت الحد بـ${0} حرف`,
'share.countOver.other': str`لقد تجاوزت الحد بـ${0} حرف`,
'share.countOver.two': str`لقد تجاوزت الحد بـ${0} حرفين`,
'share.failed': `تعذّر إرسال الرسالة.`,
'share.failedNext': `ما كتبته ما زال محفوظًا. اضغط على «إرسال» للمحاولة مرة أخرى، أو انسخ الرابط وأرسله بنفسك.`,
'share.format': str`${0} بالصيغة الصحيحة، مثل ⁦name@example.com⁩`,
'share.from': `بريدك الإلكتروني`,
'share.heading': `أرسل الصفحة إلى صديق`,
'share.important': `تنبيه مهم`,
'share.later': `لاحقًا`,
'share.long': str`يجب ألّا يتجاوز طول ${0} ${1} حرف`,
'share.mail': `أرسل الصفحة بالبريد الإلكتروني`,
'share.message': `رسالتك`,
'share.missing': str`يُرجى كتابة ${0}`,
'share.name': `اسمك`,
'share.privacy': `يُرسَل ما تكتبه إلى المستلم. لا يحفظ النموذج أي شيء.`,
'share.required': `جميع الحقول مطلوبة.`,
'share.select': `يُرجى نسخ الرابط المحدد.`,
'share.send': `إرسال`,
'share.sending': `جارٍ الإرسال…`,
'share.sent': `شكرًا لك! تم إرسال الرسالة.`,
'share.sentBody': `شكرًا لك! سيصل إلى صديقك بريد إلكتروني فيه رابط الصفحة.`,
'share.sentTitle': `تم إرسال الرسالة`,
'share.share': `مشاركة…`,
'share.summary': `هناك مشكلة`,
'share.to': `البريد الإلكتروني لصديقك`,
'share.unavailable': str`لا يمكن استقبال الرسائل الآن. يُرجى المحاولة مرة أخرى ${0}.`,
    };
  