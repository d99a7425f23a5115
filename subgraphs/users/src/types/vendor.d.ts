// The few calls Abri makes into packages that ship no types.
declare module 'geoip-lite' {
  interface Lookup {
    country: string;
    city: string;
    timezone: string;
  }
  const geoip: { lookup(ip: string): Lookup | null };
  export default geoip;
}

declare module 'qrcode' {
  const qrcode: {
    toDataURL(
      text: string,
      options?: {
        errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
        margin?: number;
        width?: number;
      },
    ): Promise<string>;
    toString(text: string, options?: { type?: 'terminal' | 'utf8' | 'svg'; small?: boolean }): Promise<string>;
  };
  export default qrcode;
}
