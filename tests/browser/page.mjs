// page.mjs - the web page in headless Chromium (playwright-core), against
// a running `khaldun serve` on the demo store (tests/browser/run.sh starts
// it).  Prints TAP; saves a screenshot of each step in OUTDIR.
//
//   node tests/browser/page.mjs URL OUTDIR
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';

const [url, outdir] = process.argv.slice(2);
mkdirSync(outdir, { recursive: true });
let n = 0, failed = 0;
function ok(cond, name, detail) {
  n++;
  if (cond) console.log(`ok ${n} - ${name}`);
  else {
    failed++;
    console.log(`not ok ${n} - ${name}`);
    if (detail) console.log('# ' + String(detail).replace(/\n/g, '\n# '));
  }
}
async function shot(page, name) {
  const path = `${outdir}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`# screenshot: ${path}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu',
         '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
page.on('pageerror', e => problems.push('page error: ' + e.message));
page.on('console', m => {
  if (m.type() === 'error') problems.push('console: ' + m.text());
});
page.on('requestfailed', r => problems.push('request failed: ' + r.url()));

try {
  // 1. the page loads, with the demo store's events in every view
  const stats = await (await fetch(url + 'api/stats')).json();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  const rows = await page.locator('#events tbody tr').count();
  ok(rows === Math.min(stats.events, 50),
     `the table shows the store's events (${rows} of ${stats.events})`);
  const tl = await page.locator('#timeline').evaluate(e => ({
    periods: Number(e.dataset.periods), events: Number(e.dataset.events),
    canvas: !!e.querySelector('canvas') }));
  ok(tl.canvas && tl.periods > 1 && tl.events > 0,
     `the timeline is drawn (${tl.periods} periods, ${tl.events} dated ` +
     `events)`, JSON.stringify(tl));
  const map = await page.locator('#map').evaluate(e => ({
    countries: Number(e.dataset.countries), markers: Number(e.dataset.markers),
    paths: e.querySelectorAll('path.place-marker').length }));
  ok(map.countries > 100, `the map has the country shapes ` +
     `(${map.countries})`, JSON.stringify(map));
  ok(map.markers > 0 && map.paths === map.markers,
     `the map marks the event places (${map.markers})`, JSON.stringify(map));
  const stat = await page.locator('#stats').textContent();
  ok(stat.includes(`${stats.events} events`), 'the header counts the ' +
     'store', stat);
  await shot(page, 'page');

  // 2. a filter: material conflict only
  await page.selectOption('#filters select[name=quad]', '4');
  await page.click('#apply');
  await page.waitForFunction(() => [...document.querySelectorAll(
    '#events tbody tr')].every(tr => tr.className === 'q4'));
  const q4 = await page.locator('#events tbody tr').count();
  const want = (await (await fetch(url + 'api/events?quad=4&limit=500'))
                .json()).events.length;
  const quads = await page.locator('#events tbody tr td:nth-child(5)')
    .allTextContents();
  ok(q4 === want && q4 > 0 && q4 < rows && quads.every(q => q === '4'),
     `quad 4 filters the table (${q4} rows, the API says ${want})`,
     quads.join(','));
  // the filter is in the URL and in the download link, whose CSV has a
  // line per row
  ok(page.url().endsWith('#quad=4'), 'the URL keeps the filter: ' +
     page.url());
  const csvHref = await page.locator('#download').getAttribute('href');
  const csv = await (await fetch(url + csvHref)).text();
  ok(csv.trim().split('\n').length === q4 + 1,
     `the CSV download has the filtered events (${csvHref})`);
  await shot(page, 'filtered');

  // a link with filters opens with them
  const other = await browser.newPage();
  await other.goto(url + '#quad=1&country=IRQ');
  await other.waitForSelector('body[data-ready="1"]');
  const q1 = await other.locator('#events tbody tr').count();
  const want1 = (await (await fetch(url + 'api/events?quad=1&country=IRQ' +
                                    '&limit=500')).json()).events.length;
  ok(q1 === want1 && await other.locator('#filters select[name=quad]')
       .inputValue() === '1', `a link's filters apply (${q1} rows)`);
  await other.close();

  // 3. an article, opened from the table, with its marks
  await page.click('#events tbody tr:first-child td:last-child button');
  await page.waitForSelector('#article-view .text span.m-focus');
  const marks = {};
  for (const c of ['m-event', 'm-source', 'm-target', 'm-verb', 'm-quote',
                   'm-speaker', 'm-date', 'm-place', 'm-entity'])
    marks[c] = await page.locator(`#article-view .text span.${c}`).count();
  ok(marks['m-source'] > 0 && marks['m-target'] > 0 && marks['m-verb'] > 0,
     'the article marks sources, targets and verbs', JSON.stringify(marks));
  ok(marks['m-place'] > 0 && marks['m-date'] + marks['m-quote'] > 0,
     'the article marks places, and dates or quotes', JSON.stringify(marks));
  // the marked words are the words the API names: the verb span's text
  // is the event's verb (offsets are bytes, the page's are UTF-16)
  const art = await page.evaluate(async () => {
    const btn = document.querySelector('#events tbody tr:first-child ' +
                                       'td:last-child button');
    return btn.textContent;
  });
  const verbs = await page.locator('#article-view .text span.m-verb')
    .allTextContents();
  const apiArt = await (await fetch(url + 'api/articles/' +
                                    encodeURIComponent(art))).json();
  const apiVerbs = apiArt.events.map(e => e.verb).filter(Boolean);
  ok(verbs.length > 0 && verbs.every(v => apiVerbs.some(a => a.includes(v) ||
                                                         v.includes(a))),
     `the marked verbs are the events' verbs (${verbs.join(', ')})`,
     apiVerbs.join(', '));
  await shot(page, 'article');

  // 4. paste an article (with non-ASCII text before the marks, so that
  // byte offsets and string indices differ) and see it coded
  const sample = readFileSync(new URL(
    '../../data/samples/03_syria_drone_strike.txt', import.meta.url), 'utf8');
  const pasted = sample.replace(/\n/, '\n«Déjà vu» — señor Ünal’s note. ');
  await page.fill('#paste', pasted);
  await page.click('#code');
  await page.waitForSelector('#coded-view .text span.m-verb',
                             { timeout: 30000 });
  const coded = {};
  for (const c of ['m-source', 'm-target', 'm-verb', 'm-quote', 'm-speaker',
                   'm-date', 'm-place'])
    coded[c] = await page.locator(`#coded-view .text span.${c}`).count();
  ok(Object.values(coded).every(v => v > 0),
     'the pasted article is coded, with every kind of mark',
     JSON.stringify(coded));
  const placeText = await page.locator('#coded-view .text span.m-place')
    .allTextContents();
  const apiCoded = await (await fetch(url + 'api/code', {
    method: 'POST', body: pasted,
    headers: { 'Content-Type': 'text/plain' } })).json();
  const apiPlaces = new Set();
  const enc = new TextEncoder(), dec = new TextDecoder();
  const bytes = enc.encode(apiCoded.text);
  for (const p of apiCoded.places)
    for (const [s, e] of p.mentions) apiPlaces.add(dec.decode(
      bytes.slice(s, e)));
  ok(placeText.length > 0 && placeText.every(t => apiPlaces.has(t)),
     `the place marks are the bytes the API names (${[...apiPlaces]
       .join(', ')}), past non-ASCII text`, placeText.join(', '));
  await page.locator('#coded-view').scrollIntoViewIfNeeded();
  await shot(page, 'coded');

  ok(problems.length === 0, 'no script errors and no failed requests ' +
     '(CSP included)', problems.join('\n'));

  // 5. a bad filter says what is wrong, and the page goes on
  await page.fill('#filters input[name=since]', '2024-13');
  await page.click('#apply');
  await page.waitForFunction(() =>
    document.querySelector('#filter-error').textContent.length > 0);
  const msg = await page.locator('#filter-error').textContent();
  ok(/since/.test(msg), 'a bad date is reported: ' + msg);

} catch (e) {
  ok(false, 'the browser test ran to its end', e.stack);
  await shot(page, 'failure').catch(() => {});
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
