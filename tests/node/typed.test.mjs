// What the plan editor's fields save once something is typed (www/src/typed.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typedValue, plainNumber, shiftPoint, formulaValue, numberIn } from '../../www/src/typed.js';

test('a plain decimal is kept as typed: a JSON number when JavaScript writes it back the same, else text', () => {
  assert.equal(typedValue('6', 'number'), 6);
  assert.equal(typedValue('4.5', 'number'), 4.5);
  assert.equal(typedValue('-2', 'number'), -2);
  assert.equal(typedValue('4.50', 'number'), '4.50'); // its scale kept
  for (const written of [' 4.50', '¥4.50', '4.50元', '4。50']) assert.equal(typedValue(written, 'number'), '4.50', written);
  assert.equal(typedValue('1,000.50', 'number'), '1000.50');
  assert.equal(typedValue('4.', 'number'), '4.'); // half typed: the point is not taken away
  assert.equal(typedValue('0.1234567', 'number'), '0.1234567');
  assert.equal(typedValue('', 'number', true), undefined);
  assert.equal(typedValue('', 'number', false), '');
});

test('numbers as a spreadsheet shows them are read as the numbers, exactly', () => {
  for (const [typed, saved] of [
    // Thousands separators, as the page shows amounts:
    ['100,000', 100000],
    ['1,234,567.89', 1234567.89],
    ['-5,500', -5500],
    ['１００，０００', 100000], // full width
    // Not groups of three: left for the engine to refuse, as typed (30,5 is no number here).
    ['30,5', '30,5'],
    ['1,00', '1,00'],
    ['100,', '100,'], // on the way to 100,000
    // 万 is ten thousand:
    ['10万', 100000],
    ['1.5万', 15000],
    ['120 万', 1200000],
    ['0.00001万', 0.1],
    ['1,200万', 12000000],
    // Beyond what a JSON number keeps exactly: decimal text.
    ['123456789.123456万', '1234567891234.56'],
    // 亿, yuan and a Chinese input method's point:
    ['1.2亿', 120000000],
    ['10万元', 100000],
    ['5,000元', 5000],
    ['¥5,000', 5000],
    ['￥ 1.5万', 15000],
    ['4。5', 4.5],
    ['元', '元'],
    ['5元5', '5元5'],
  ]) assert.equal(typedValue(typed, 'number'), saved, typed);
});

test('a percent sign is hundredths of the field\'s unit', () => {
  // A weight or a rate is in points of 100: 60% is 60.
  assert.equal(typedValue('60%', 'number', false, true), 60);
  assert.equal(typedValue('4.5 %', 'number', false, true), 4.5);
  assert.equal(typedValue('６０％', 'number', false, true), 60);
  // A target or an amount: 45% is 0.45, as a formula reads it.
  assert.equal(typedValue('45%', 'number'), 0.45);
  assert.equal(typedValue('0.5%', 'number'), 0.005);
  assert.equal(typedValue('120%', 'number'), 1.2);
  assert.equal(typedValue('%', 'number'), '%');
});

test('whole numbers and text', () => {
  assert.equal(typedValue(' 12 ', 'integer'), 12);
  assert.equal(typedValue('2.5', 'integer'), '2.5');
  // A count read as a number field reads it: separators, 万, full width.
  assert.equal(typedValue('1,000', 'integer'), 1000);
  assert.equal(typedValue('10万', 'integer'), 100000);
  assert.equal(typedValue('１，０００', 'integer'), 1000);
  assert.equal(typedValue('1,000.5', 'integer'), '1,000.5');
  assert.equal(typedValue('-3', 'integer'), '-3');
  assert.equal(typedValue('3x', 'integer'), '3x');
  assert.equal(typedValue('１００，０００', 'text'), '１００，０００');
});

test('shiftPoint moves the point exactly, both ways', () => {
  assert.equal(shiftPoint('1.5', 4), '15000');
  assert.equal(shiftPoint('.5', 2), '50');
  assert.equal(shiftPoint('45', -2), '0.45');
  assert.equal(shiftPoint('-0.5', -3), '-0.0005');
  assert.equal(shiftPoint('-0', 4), '0');
  assert.equal(shiftPoint('0012.3400', 0), '12.3400'); // the places written are kept
  assert.equal(shiftPoint('12.3400', 2), '1234');
  assert.equal(shiftPoint('123456789012345678901234567', -30), '0.000123456789012345678901234567');
  assert.equal(shiftPoint('abc', 2), null);
  assert.equal(shiftPoint('.', 2), null);
  // Any decimal and back: the same value.
  for (const text of ['0', '7', '3.14159', '-2500.05', '0.000001', '99999999999.99']) {
    for (const places of [-6, -2, 0, 2, 4]) {
      const there = shiftPoint(text, places);
      assert.equal(Number(shiftPoint(there, -places)), Number(text), `${text} by ${places}`);
    }
  }
});

test('plainNumber is null for what is not a number', () => {
  assert.equal(plainNumber('ten', false), null);
  assert.equal(plainNumber('1e3', false), null);
  assert.equal(plainNumber('1,2345', false), null);
  assert.equal(plainNumber('万', false), null);
});

test('a formula field takes a text that is wholly one number written as a spreadsheet shows it as the plain number, and any other text as typed', () => {
  for (const [typed, saved] of [
    // One number, which the formula language refuses (a separator, yuan, 亿): the plain decimal, as text.
    ['1,000', '1000'],
    ['1,200,000', '1200000'],
    [' 1,000 ', '1000'],
    ['¥5,000', '5000'],
    ['5,000元', '5000'],
    ['1.2亿', '120000000'],
    ['１，０００', '1000'], // full width
    ['−1,000', '-1000'], // a minus sign (U+2212), as a spreadsheet or word processor writes it
    ['−1000', '-1000'], // which the formula does not read
    ['10万', '100000'],
    ['1,000.50', '1000.50'], // its places kept
    // Formulas, and numbers the formula reads as they are: as typed.
    ['revenue * 1.1', 'revenue * 1.1'],
    ['target_x', 'target_x'],
    ['1,000 * 2', '1,000 * 2'], // a separator inside a formula is not rewritten
    ['max(0, 100)', 'max(0, 100)'],
    ['95%', '95%'], // a percentage target: the KPI is shown in percent
    ['4.', '4.'], // on the way to 4.5
    ['1,00', '1,00'], // not groups of three: left for the engine to refuse
    ['', ''],
  ]) {
    assert.equal(formulaValue(typed), saved, typed);
    assert.equal(typedValue(typed, 'formula'), saved, typed);
  }
  assert.equal(typedValue('', 'formula', true), undefined);
});

test('numberIn reads the plain decimal a text wholly is, or null', () => {
  assert.equal(numberIn('1,000,000'), '1000000');
  assert.equal(numberIn('100万'), '1000000');
  assert.equal(numberIn('4.50'), '4.50');
  assert.equal(numberIn(' 1000 '), '1000');
  assert.equal(numberIn(1000000), '1000000');
  assert.equal(numberIn('45%'), '0.45');
  assert.equal(numberIn('revenue_target'), null);
  assert.equal(numberIn('revenue_target * 1.2'), null);
  assert.equal(numberIn(''), null);
});
