// The playground's number formatting: exact decimal strings in, grouped and rounded
// strings out, with no float in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencySymbol, exactQuotient, fixed, group, groupedNumber, isZero, money, moneySum, percent, product, quotient, rate, sameProduct, short, sum, wan } from '../../www/src/format.js';

test('rounds decimal strings half away from zero without floats', () => {
  assert.equal(fixed('2.345', 2), '2.35');
  assert.equal(fixed('-2.345', 2), '-2.35');
  assert.equal(fixed('99.995', 2), '100.00');
  assert.equal(fixed('-0.004', 2), '0.00');
  assert.equal(fixed('7', 2), '7.00');
  assert.equal(fixed('105.4761904761904761904761905', 2), '105.48');
  // A float would print 1.0049999999999999 and round down.
  assert.equal(fixed('1.005', 2), '1.01');
  // Beyond 2^53 every digit is kept.
  assert.equal(fixed('9007199254740993.125', 2), '9007199254740993.13');
});

test('groups, percents, 万 and short figures', () => {
  assert.equal(group('1234567.5'), '1,234,567.5');
  assert.equal(money('-1234567.5'), '-1,234,567.5');
  assert.equal(money(null), '—');
  assert.equal(percent('120'), '120.00%');
  assert.equal(wan('893410.00'), '89.34万');
  assert.equal(wan('5000'), '0.50万');
  assert.equal(wan('123456789.99'), '12,345.68万');
  assert.equal(short('8.400'), '8.4');
  assert.equal(short('120'), '120');
  assert.equal(rate('0.03'), '3%');
  assert.equal(rate('0.035'), '3.5%');
  assert.equal(rate('1'), '100%');
  assert.equal(rate('0.0425'), '4.25%');
});

test('sums decimal strings exactly', () => {
  assert.equal(sum(['38000.00', '1500.5', '-0.25']), '39500.25');
  assert.equal(sum(['0.1', '0.2']), '0.3'); // a float would give 0.30000000000000004
  assert.equal(sum(['-5', '2']), '-3');
  assert.equal(sum([]), '0');
  assert.equal(sum(['9007199254740993', '1']), '9007199254740994');
});

test('a chart axis tick is grouped and has at most two places, whatever float Chart.js chose', async () => {
  const { tick } = await import('../../www/src/charts.js');
  // Chart.js steps an all-zero axis (no change against the baseline) by 0.1 as floats.
  assert.equal(tick(0.30000000000000004), '0.3');
  assert.equal(tick(-0.7999999999999999), '-0.8');
  assert.equal(tick(125000), '125,000');
  assert.equal(tick(0), '0');
});

test('a figure that is not a plain decimal (a float sum of absurd inputs) is shown as it is, not thrown on', async () => {
  assert.equal(fixed('1e+30', 2), '1e+30');
  assert.equal(short('1e+30'), '1e+30');
  assert.equal(fixed('Infinity', 2), 'Infinity');
  assert.equal(short('12.345'), '12.35');
});

test('a currency is written with its narrow symbol in both languages, as the example portal writes it', () => {
  assert.equal(currencySymbol('en', 'CNY'), '¥');
  assert.equal(currencySymbol('zh', 'CNY'), '¥');
  assert.equal(currencySymbol('en', 'USD'), '$');
  assert.equal(currencySymbol('en'), '¥');
  // A code Intl does not know is shown as it is rather than throwing.
  assert.equal(currencySymbol('en', 'not a code'), 'not a code');
});

test('money sums are to the cent also when there is nothing to add, and a sum of 100,000 figures does not overflow the stack', () => {
  assert.equal(moneySum([], 2), '0.00');
  assert.equal(moneySum(['1.5', '2'], 2), '3.50');
  assert.equal(moneySum(['0.125'], 2), '0.125'); // padded, never rounded
  assert.equal(moneySum(['7'], 0), '7');
  assert.equal(moneySum(Array.from({ length: 100_000 }, () => '0.01'), 2), '1000.00');
  for (const zero of ['0', '0.00', '-0.00', '0.', null, undefined]) assert.equal(isZero(zero), true, String(zero));
  for (const other of ['0.01', '-1', '10', '100.00']) assert.equal(isZero(other), false, other);
});

test('products of decimal strings compared exactly (is a rounded attainment exact?)', () => {
  // 1,200,000 / 1,000,000 = 120.00% exactly; / 1,000,000.01 is 119.99999880…%, shown as 120.00%.
  assert.equal(sameProduct('120.00', '1000000', '1200000', '100'), true);
  assert.equal(sameProduct('120.00', '1000000.01', '1200000', '100'), false);
  assert.equal(sameProduct('96.40', '500000', '482000', '100'), true);
  assert.equal(sameProduct('-2.5', '4', '-10', '1.000'), true);
  assert.equal(sameProduct('0.1', '0.2', '0.02', '1'), true);
});

test('products and quotients of decimal strings, exactly: no float noise, a quotient rounded only past its places', () => {
  // As floats 128.02 × 1,000,000 is 128020000.00000001 and 1.15 × 3 is 3.4499999999999997.
  assert.equal(product('128.02', '1000000'), '128020000.00');
  assert.equal(product('1.15', '3'), '3.45');
  assert.equal(product('-1.5', '2.25'), '-3.375');
  assert.equal(product('0', '12.5'), '0.0');
  // As floats 1,280,200 / 1,000,000 × 100 is 128.01999999999998.
  assert.equal(quotient('128020000', '1000000', 4), '128.02');
  assert.equal(quotient('120000000', '1000000', 4), '120');
  assert.equal(quotient('1', '32', 4), '0.0313'); // 0.03125: five places, rounded half away from zero
  assert.equal(quotient('1', '3', 4), '0.3333');
  assert.equal(quotient('2', '3', 4), '0.6667');
  assert.equal(quotient('-2', '3', 4), '-0.6667');
  assert.equal(quotient('1200000', '-1000000', 4), '-1.2');
  assert.equal(quotient('133333300', '1000000', 4), '133.3333');
  assert.equal(quotient('0.5', '0.25', 2), '2');
  // Rounded, with no trailing zeros: 99.9999996666… to 4 places is 100, not 100.0000.
  assert.equal(quotient('299999999', '3000000', 4), '100');
  assert.equal(exactQuotient('1', '3', 10), null);
  assert.equal(exactQuotient('100000000', '7812500', 10), '12.8');
});

test('a plain decimal in a number field is grouped with its places; anything else is shown as it is', () => {
  assert.equal(groupedNumber('1000000'), '1,000,000');
  assert.equal(groupedNumber(1500000), '1,500,000');
  assert.equal(groupedNumber('1234.50'), '1,234.50');
  assert.equal(groupedNumber(4.5), '4.5');
  assert.equal(groupedNumber('4.50'), '4.50');
  assert.equal(groupedNumber(-5500), '-5,500');
  assert.equal(groupedNumber('revenue_target * 1.2'), 'revenue_target * 1.2');
  assert.equal(groupedNumber('1,20,000'), '1,20,000');
  assert.equal(groupedNumber(1e21), '1e+21');
});
