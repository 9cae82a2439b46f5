// Before and after: two `wasm-pack build --target web` packages of the engine timed side by
// side, in one Node process or one headless Chromium page, their runs alternating (A, B, A,
// B, …) so that both see the same machine load. Each run is what the playground does when a
// slider moves: setPlan (the benchmark plan with a tier rate changed) + run + the first page
// of 50 rows by total pay. Prints the medians and B ÷ A, once with A loaded first and once
// with B loaded first, and their geometric mean: a package against itself measures B ÷ A of
// about 1.02 when B is the second loaded (Chromium 156, 10,000 reps), so one order alone
// cannot tell a change of a few percent. With --rows, only the page of rows is timed (right
// after an untimed setPlan + run, as the playground asks for it).
//   node bench/ab.mjs --a DIR --b DIR --csv FILE [--runs 21] [--browser] [--rows]
// Build the "before" package from another checkout, e.g.
//   git worktree add /tmp/before <commit> && (cd /tmp/before && wasm-pack build --mode no-install \
//     --release --target web --out-dir /tmp/pkg-before)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLAN } from './wasm-node.mjs';

const args = { runs: 21 };
for (let i = 2; i < process.argv.length; i++) {
  const [k, v] = [process.argv[i], process.argv[i + 1]];
  if (k === '--browser' || k === '--rows') args[k.slice(2)] = true;
  else if (['--a', '--b', '--csv', '--runs'].includes(k)) (args[k.slice(2)] = k === '--runs' ? Number(v) : resolve(v)), i++;
}
if (!args.a || !args.b || !args.csv) throw new Error('usage: --a DIR --b DIR --csv FILE [--runs N] [--browser] [--rows]');

/**
 * Runs in Node or in the page: loads both packages in `order` (`['a', 'b']` or `['b', 'a']`),
 * alternates the runs in that order, returns the times of each package by its letter (of the
 * page of rows alone when `rowsOnly`).
 */
async function alternate(load, csv, plan, runs, order, rowsOnly) {
  const engines = [];
  for (const which of order) {
    const m = await load(which);
    engines.push(m.Engine.fromCsv(csv));
  }
  const period = engines[0].periods()[0];
  const times = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const k of [0, 1]) {
      plan.commission[0].tiers[1].rate_pct = 4 + (i % 3) * 0.5;
      let start = performance.now();
      engines[k].setPlan(JSON.stringify(plan));
      engines[k].run(period, false);
      if (rowsOnly) start = performance.now();
      engines[k].rows(0, 50, 'total_pay', true);
      times[k].push(performance.now() - start);
    }
  }
  return { [order[0]]: times[0], [order[1]]: times[1] };
}

async function inNode(order) {
  const load = async (which) => {
    const m = await import(pathToFileURL(`${args[which]}/incentive_engine.js`).href);
    await m.default({ module_or_path: readFileSync(`${args[which]}/incentive_engine_bg.wasm`) });
    return m;
  };
  return alternate(load, readFileSync(args.csv, 'utf8'), structuredClone(PLAN), args.runs, order, args.rows);
}

async function inChromium(order) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('../tests/e2e/browser.mjs');
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const [, which, file] = path.match(/^\/(a|b)\/([\w.-]+)$/) ?? [];
    try {
      const body = path === '/' ? '<!doctype html><title>a/b</title>' : readFileSync(`${args[which]}/${file}`);
      res.writeHead(200, { 'Content-Type': path === '/' ? 'text/html' : file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return await page.evaluate(
      async ({ source, csv, plan, runs, order, rowsOnly }) => {
        const alternate = new Function(`return (${source})`)();
        const load = async (which) => {
          const m = await import(`/${which}/incentive_engine.js`);
          await m.default({ module_or_path: `/${which}/incentive_engine_bg.wasm` });
          return m;
        };
        return alternate(load, csv, plan, runs, order, rowsOnly);
      },
      { source: alternate.toString(), csv: readFileSync(args.csv, 'utf8'), plan: PLAN, runs: args.runs, order, rowsOnly: Boolean(args.rows) },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

const median = (list) => list.slice().sort((x, y) => x - y)[Math.floor(list.length / 2)];
console.log(`${args.browser ? 'Chromium' : `Node ${process.version}`}, ${args.runs} runs each, alternating; ${args.rows ? '50 rows by total pay after setPlan + run' : 'setPlan + run + 50 rows'}, medians:`);
console.log(`A ${args.a}\nB ${args.b}`);
const ratios = [];
for (const order of [['a', 'b'], ['b', 'a']]) {
  const times = args.browser ? await inChromium(order) : await inNode(order);
  const [a, b] = [median(times.a), median(times.b)];
  ratios.push(b / a);
  const digits = args.rows ? 3 : 1;
  console.log(`${order[0].toUpperCase()} loaded first: A ${a.toFixed(digits)} ms, B ${b.toFixed(digits)} ms (B ÷ A = ${(b / a).toFixed(3)})`);
}
console.log(`B ÷ A in both orders (geometric mean): ${Math.sqrt(ratios[0] * ratios[1]).toFixed(3)}`);
