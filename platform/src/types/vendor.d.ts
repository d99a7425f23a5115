// The few calls the platform makes into packages that ship no types.
declare module 'ua-parser-js' {
  interface Part {
    name?: string;
    version?: string;
  }
  export class UAParser {
    constructor(ua?: string);
    getResult(): {
      browser: Part;
      os: Part;
      device: { vendor?: string; model?: string; type?: string };
    };
  }
}
