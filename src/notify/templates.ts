const purposes = { registration: '申請教育雲端帳號', reset: '重設密碼', activation: '啟用教育雲端帳號' } as const;

/** The 6-digit code message: the mail text, and an SMS short enough for one message. Nothing else personal in either. */
export function verificationCodeMessage(code: string, minutes: number, purpose: keyof typeof purposes) {
  const what = purposes[purpose];
  return {
    subject: `【教育雲端帳號】${what}驗證碼`,
    text: [
      '您好：',
      '',
      `您的${what}驗證碼為：${code}`,
      `請於 ${minutes} 分鐘內輸入。驗證碼只能使用一次，請勿提供給任何人。`,
      '',
      '如果這不是您本人的操作，請忽略這封信。',
      '教育體系單一簽入服務',
    ].join('\n'),
    sms: `【教育雲端帳號】${what}驗證碼 ${code}，${minutes} 分鐘內有效，請勿告訴他人。`,
  };
}
