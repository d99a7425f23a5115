import { describe, expect, it } from 'vitest';
import { explainRejection, KNOWN_REJECTION_CODES } from '../src/domain/rejections.ts';

const ISSUE_CODES = ['AC01', 'AC04', 'AC06', 'AG01', 'AM04', 'MD01', 'MD06', 'MD07', 'MS02', 'MS03'];

describe('explainRejection', () => {
  it.each(ISSUE_CODES)('explains %s in French with its own message', (code) => {
    expect(KNOWN_REJECTION_CODES).toContain(code);
    const explanation = explainRejection(code);
    expect(explanation.code).toBe(code);
    expect(explanation.label).not.toBe(explainRejection('ZZ99').label);
    expect(explanation.customerMessage.length).toBeGreaterThan(20);
  });

  it('closed account: no retry, pay by card or switch method', () => {
    expect(explainRejection('AC04')).toMatchObject({
      label: 'Compte clôturé',
      canRetry: false,
      suggestions: ['PAY_BY_CARD', 'SWITCH_METHOD'],
    });
  });

  it('insufficient funds: retry or pay by card', () => {
    expect(explainRejection('AM04')).toMatchObject({ canRetry: true, suggestions: ['RETRY', 'PAY_BY_CARD'] });
  });

  it('never suggests a retry for codes the bank will reject again', () => {
    for (const code of ['AC01', 'AC04', 'AC06', 'AG01', 'MD01', 'MD06', 'MD07', 'MS02', 'SL01']) {
      const explanation = explainRejection(code);
      expect(explanation.canRetry, code).toBe(false);
      expect(explanation.suggestions, code).not.toContain('RETRY');
    }
  });

  it('suggests a retry exactly when a retry is allowed', () => {
    for (const code of KNOWN_REJECTION_CODES) {
      const explanation = explainRejection(code);
      expect(explanation.suggestions.includes('RETRY'), code).toBe(explanation.canRetry);
    }
  });

  it('reads codes whatever their case and surrounding spaces', () => {
    expect(explainRejection(' am04 ')).toEqual(explainRejection('AM04'));
  });

  it('gives a cautious generic answer for an unknown code', () => {
    expect(explainRejection('ZZ99')).toEqual({
      code: 'ZZ99',
      label: 'Prélèvement rejeté',
      customerMessage: expect.stringContaining('payer par carte'),
      canRetry: false,
      suggestions: ['PAY_BY_CARD', 'SWITCH_METHOD'],
    });
  });

  it('returns a fresh suggestions list each time, so a caller cannot alter the table', () => {
    explainRejection('AC04').suggestions.push('RETRY');
    expect(explainRejection('AC04').suggestions).toEqual(['PAY_BY_CARD', 'SWITCH_METHOD']);
  });
});
