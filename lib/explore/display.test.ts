import { describe, expect, it } from 'vitest';

import { arbiterLabel, formatFees, formatRateRange, formatUtilisation, sameAddress, shortAddress } from './display';
import { pct } from './testkit';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('shortAddress', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(shortAddress(A)).toBe('0x7099…79C8');
  });
});

describe('arbiterLabel', () => {
  it('says "you" for the connected account, whatever the letter case', () => {
    expect(arbiterLabel(A, A.toLowerCase() as `0x${string}`)).toBe('you');
  });
  it('shows a short address otherwise or when disconnected', () => {
    expect(arbiterLabel(A, undefined)).toBe('0x7099…79C8');
    expect(arbiterLabel(A, '0x0000000000000000000000000000000000000001')).toBe('0x7099…79C8');
  });
  it('sameAddress is false for missing values', () => {
    expect(sameAddress(undefined, undefined)).toBe(false);
    expect(sameAddress(A, null)).toBe(false);
  });
});

describe('formatRateRange', () => {
  it('shows one rate when all pools pay the same', () => {
    expect(formatRateRange(pct(3.25), pct(3.25))).toBe('3.25 % APR');
  });
  it('shows lowest to highest', () => {
    expect(formatRateRange(pct(2), pct(60))).toBe('2 – 60 % APR');
    expect(formatRateRange(0n, pct(3.25))).toBe('0 – 3.25 % APR');
  });
  it('shows a dash without rates (shut down)', () => {
    expect(formatRateRange(null, null)).toBe('—');
  });
});

describe('formatFees', () => {
  it('names both fees and their total', () => {
    expect(formatFees(500, 250)).toEqual({
      short: '5 % + 2.5 %',
      long: '5 % to the arbiter and 2.5 % to the creator, taken from premiums',
      total: '7.5 %',
    });
  });
});

describe('formatUtilisation', () => {
  it('formats a WAD share or a dash', () => {
    expect(formatUtilisation(pct(30))).toBe('30 %');
    expect(formatUtilisation(null)).toBe('—');
  });
});
