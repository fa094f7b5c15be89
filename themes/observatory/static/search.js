// The search page's script, and the only JavaScript a reader downloads: it queries the
// Pagefind index of the page's language (Pagefind picks it from <html lang>) and lists the
// results. Every string it shows comes from the page (data-* attributes filled from
// i18n/*.ftl); nothing is inserted as HTML except Pagefind's <mark> highlights.

const app = document.getElementById("search-app");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const PAGE_SIZE = 10;

// Arabic spellings readers write interchangeably. Pagefind's stemmer already folds short
// vowels and other marks, tatweel and the hamza forms of alef (أ/إ/آ → ا) on both sides, but
// a word typed with a final ه where the text has ة (جهه/جهة), or ي for ى, stems differently:
// those words are also searched in their other spelling, and the results merged.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const FINAL_HEH = /\u0647(?=[\s.,،؛؟!]|$)/g;
const FINAL_YEH = /\u064A(?=[\s.,،؛؟!]|$)/g;

export function spellings(query) {
  const plain = query.normalize("NFC").replace(MARKS, "");
  return [
    ...new Set([
      plain,
      plain.replace(FINAL_HEH, "\u0629"),
      plain.replace(FINAL_YEH, "\u0649"),
    ]),
  ];
}

// One search per spelling; a page found by several keeps its best score.
async function searchAll(pagefind, query) {
  const found = new Map();
  for (const spelling of spellings(query)) {
    const search = await pagefind.search(spelling);
    for (const result of search?.results ?? []) {
      const known = found.get(result.id);
      if (!known || known.score < result.score) found.set(result.id, result);
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score);
}

function text(tag, className, content) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (content) element.textContent = content;
  return element;
}

// Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks only.
function excerpt(html) {
  const paragraph = text("p", "excerpt");
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  for (const node of parsed.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      paragraph.append(text("mark", "", node.textContent));
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

function item(result) {
  const li = document.createElement("li");
  const link = text("a", "", result.meta.title || result.url);
  link.href = result.url;
  const heading = text("h2", "");
  heading.append(link);
  li.append(heading, excerpt(result.excerpt));
  return li;
}

let pagefind;
let latest = 0;
const more = text("button", "more", app.dataset.more);
more.type = "button";
more.hidden = true;
list.after(more);
let showMore = () => {};
more.addEventListener("click", () => showMore());

async function load() {
  if (!pagefind) {
    pagefind = await import(`${app.dataset.bundle}pagefind.js`);
    await pagefind.options({ baseUrl: app.dataset.base });
    pagefind.init();
  }
  return pagefind;
}

async function run(query) {
  const number = ++latest;
  list.replaceChildren();
  more.hidden = true;
  const trimmed = query.trim();
  if (!trimmed) {
    status.textContent = "";
    return;
  }
  status.textContent = app.dataset.searching;
  let results;
  try {
    results = await searchAll(await load(), trimmed);
  } catch (error) {
    status.textContent = app.dataset.failed;
    throw error;
  }
  if (number !== latest) return;
  let shown = 0;
  showMore = async () => {
    const page = results.slice(shown, shown + PAGE_SIZE);
    shown += page.length;
    const data = await Promise.all(page.map((result) => result.data()));
    if (number !== latest) return;
    list.append(...data.map(item));
    more.hidden = shown >= results.length;
  };
  await showMore();
  if (number !== latest) return;
  // The count is announced once the first results are in the list.
  const count = new Intl.NumberFormat(app.dataset.locale).format(results.length);
  status.textContent = results.length ? `${app.dataset.results} ${count}` : app.dataset.none;
}

const initial = new URLSearchParams(location.search).get("q") || "";
input.value = initial;
input.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  run(input.value);
});
let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => run(input.value), 200);
});
run(initial);
