import { UAParser } from 'ua-parser-js';

export interface DeviceSummary {
  /** e.g. "Chrome 120" */
  browser: string;
  /** e.g. "Windows 10", "iOS 17.1" */
  system: string;
  /** 'mobile' | 'tablet' | 'desktop' (no device type reported means a desktop browser) */
  device: 'mobile' | 'tablet' | 'desktop';
}

/** The browser, system and kind of device a User-Agent header names (ua-parser-js); unknown parts stay empty. */
export function summarizeUserAgent(userAgent: string | null | undefined): DeviceSummary {
  const ua = UAParser(userAgent ?? '');
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  const type = ua.device.type;
  return {
    browser: join(ua.browser.name, ua.browser.major),
    system: join(ua.os.name, ua.os.version),
    device: type === 'mobile' ? 'mobile' : type === 'tablet' ? 'tablet' : 'desktop',
  };
}
