// Minh Bạch search page: a small UI over Pagefind's JavaScript API (/pagefind/pagefind.js).
// Loaded as a file (the Content-Security-Policy forbids inline scripts); no framework.
//
// Accents: Pagefind folds tone and vowel marks itself, and every indexed page carries its
// đ-words folded to "d" in a hidden field (generator/search_text.py), so "duong" finds
// "đường" without any help from here. This file folds text only to choose which words
// to highlight, because Pagefind's own excerpt has no highlight for those matches.
//
// The form, its labels and every message come from search.html (gettext, in Vietnamese);
// the URL keeps the query, filters and order (?q=…&nam=2018&sap-xep=moi-nhat) so a
// search can be shared or bookmarked.
//
// Shards: on a large site the index is split by year (generator/search/search_shards.py);
// /pagefind/ holds the newest years and the undated pages, and minhbach-shards.json
// lists the older shards. A first search loads only the first shard; older ones are merged
// in (Pagefind's mergeIndex, which reuses the first one's WebAssembly) when the reader
// asks for earlier years (?cac-nam=tat-ca) or picks one of them in the year filter.

const EXCERPT_WORDS = 30;
const SUB_RESULTS = 3;
const NUMBER_WEIGHT = 10;
const TITLE_CHARS = 140;
// URL parameters of the filters shown on each result (see SEARCH_PAGE in search_index.py).
const SHOWN = { type: "loai", document: "van-ban", issuer: "co-quan-ban-hanh", year: "nam",
  validity: "hieu-luc", status: "trang-thai" };
const MANIFEST = "minhbach-shards.json";
const ALL_YEARS = { param: "cac-nam", value: "tat-ca" };

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

function bare(word) {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

function queryTerms(query) {
  return fold(query).split(/\s+/).map(bare).filter(Boolean);
}

// A word is highlighted when it, or one part of "792/KH-UBND", is a query term; the last
// term may be a beginning still being typed. (Vietnamese syllables are short: letting
// every term match as a prefix would light up "trong" for "tro".)
function matches(word, terms) {
  const folded = bare(fold(word));
  if (!folded || !terms.length) return false;
  const parts = [folded, ...folded.split(/[/\-.]+/)];
  const last = terms[terms.length - 1];
  return parts.some((p) => terms.includes(p) || (last.length > 1 && p.startsWith(last)));
}

// "Đang thực hiện" → "dang-thuc-hien", the status ids the site's CSS colours (.st-…).
function slug(value) {
  return fold(value).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Text nodes and <mark>s only: page text never reaches innerHTML.
function highlighted(words, terms) {
  const nodes = [];
  words.forEach((word, i) => {
    if (i > 0) nodes.push(document.createTextNode(" "));
    nodes.push(matches(word, terms) ? element("mark", "", word) : document.createTextNode(word));
  });
  return nodes;
}

// The stretch of `content` with the most highlighted words, starting a little before the first.
function excerptWords(content, terms) {
  const words = content.split(/\s+/).filter(Boolean);
  const hits = words.map((w) => matches(w, terms));
  let best = 0;
  let bestCount = 0;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    count += hits[i] ? 1 : 0;
    if (i >= EXCERPT_WORDS && hits[i - EXCERPT_WORDS]) count -= 1;
    if (count > bestCount) {
      bestCount = count;
      best = Math.max(0, i - EXCERPT_WORDS + 1);
    }
  }
  const first = hits.indexOf(true, best);
  const start = first < 0 ? 0 : Math.max(0, Math.min(best, first - 5));
  const slice = words.slice(start, start + EXCERPT_WORDS);
  if (start > 0) slice[0] = "…" + slice[0];
  if (start + EXCERPT_WORDS < words.length) slice[slice.length - 1] += "…";
  return slice;
}

// A phrase typed without đ ("su dung thu dien tu") cannot match the page's "điện" side by
// side (the folded đ-words sit in a separate field), so we also try đ for each word that
// starts with d — đ only ever starts a syllable. At most 3 such words: 8 phrases.
function phraseVariants(term) {
  const words = term.split(/\s+/);
  const withD = words.flatMap((w, i) => (/^d/i.test(w) ? [i] : [])).slice(0, 3);
  const variants = [];
  for (let mask = 0; mask < 1 << withD.length; mask++) {
    const copy = [...words];
    withD.forEach((i, bit) => {
      if (mask & (1 << bit)) copy[i] = (copy[i][0] === "D" ? "Đ" : "đ") + copy[i].slice(1);
    });
    variants.push(copy.join(" "));
  }
  return variants;
}

// Some rows are long paragraphs; as a result's title they are cut at a word.
function shortened(title, limit = TITLE_CHARS) {
  if (title.length <= limit) return title;
  const cut = title.slice(0, limit);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), limit / 2)) + "…";
}

function newestFirst(years) {
  return [...years].sort((a, b) => Number(b) - Number(a));
}

// "2016–2024", or one year.
function span(years) {
  const sorted = newestFirst(years);
  return sorted.length > 1 ? `${sorted[sorted.length - 1]}–${sorted[0]}` : sorted[0] || "";
}

function plainText(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
}

class SearchPage {
  constructor(rootNode) {
    const $ = (id) => document.getElementById(id);
    this.root = rootNode;
    this.form = $("search-form");
    this.input = $("search-q");
    this.status = $("search-status");
    this.list = $("search-results");
    this.more = $("search-more");
    this.details = $("search-filters");
    this.sortSelect = $("search-sort");
    this.scope = $("search-scope");
    this.scopeText = $("search-scope-text");
    this.allYears = $("search-all-years");
    this.selects = [...rootNode.querySelectorAll("select[data-filter]")];
    this.yearSelect = this.selects.find((s) => s.name === SHOWN.year);
    this.sortKey = rootNode.dataset.sortKey;
    this.pageSize = Number(rootNode.dataset.pageSize) || 10;
    this.state = { q: "", filters: {}, sort: "", allYears: false };
    this.run = 0;
    this.results = [];
    this.shown = 0;
    this.pagefind = null;
    this.shards = [{ folder: "", years: {} }];
    this.merged = new Map([["", null]]);  // folder → merging, of the shards searched so far
    this.filtersFor = null;  // the shards the filter choices were counted on
  }

  message(name, values = {}) {
    const template = this.root.dataset["msg" + name[0].toUpperCase() + name.slice(1)] || "";
    return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
  }

  load() {
    this.pagefind ??= (async () => {
      const bundle = this.root.dataset.bundle;
      // Revalidated like Pagefind's own entry file: a rebuild may move a year to a shard.
      const manifest = fetch(`${bundle}${MANIFEST}`, { cache: "no-cache" })
        .then((r) => (r.ok ? r.json() : null));
      const pagefind = await import(`${bundle}pagefind.js`);
      // The page's own thread: the first shard is small, and phones are spared
      // pagefind-worker.js (about 12 KB compressed).
      await pagefind.options({ noWorker: true, ...this.searchOptions() });
      await pagefind.init();
      this.shards = (await manifest)?.shards || this.shards;
      return pagefind;
    })();
    return this.pagefind;
  }

  // For the first shard and every shard merged into it.
  searchOptions() {
    return {
      excerptLength: EXCERPT_WORDS,
      // A document number ("792/KH-UBND", "792", "kh 792") should find that document
      // first, not the pages that cite it: its number field outweighs the title.
      ranking: { metaWeights: { [this.root.dataset.numberField]: NUMBER_WEIGHT } },
    };
  }

  // The shards this search needs: all, when asked; else the first, and the one holding
  // the year filtered on. Once merged, a shard stays (Pagefind cannot take it out).
  async mergeShards(pagefind) {
    const year = this.state.filters[this.yearSelect?.dataset.filter];
    const wanted = this.shards.filter((s, i) =>
      i === 0 || this.state.allYears || (year && year in s.years));
    for (const shard of wanted) {
      if (!this.merged.has(shard.folder)) {
        this.merged.set(shard.folder, pagefind.mergeIndex(
          `${this.root.dataset.bundle}${shard.folder}`, this.searchOptions()));
      }
    }
    await Promise.all(wanted.map((s) => this.merged.get(s.folder)));
    this.showScope();
  }

  searchedShards() {
    return this.shards.filter((s) => this.merged.has(s.folder));
  }

  showScope() {
    const searched = this.searchedShards().flatMap((s) => Object.keys(s.years));
    const left = this.shards.filter((s) => !this.merged.has(s.folder))
      .flatMap((s) => Object.keys(s.years));
    this.scope.hidden = left.length === 0;
    this.scopeText.textContent = this.message("scope", { years: newestFirst(searched).join(", ") });
    this.allYears.textContent = this.message("allYears", { years: span(left) });
  }

  readUrl() {
    const params = new URLSearchParams(location.search);
    this.state.q = (params.get("q") || "").normalize("NFC");
    for (const select of this.selects) {
      const value = params.get(select.name);
      if (value) this.state.filters[select.dataset.filter] = value;
    }
    this.state.sort = params.get(this.sortSelect.name) === this.sortSelect.options[1].value
      ? this.sortSelect.options[1].value : "";
    this.state.allYears = params.get(ALL_YEARS.param) === ALL_YEARS.value;
    this.input.value = this.state.q;
    this.sortSelect.value = this.state.sort;
  }

  readForm() {
    this.state.q = this.input.value.normalize("NFC").trim();
    this.state.filters = {};
    for (const select of this.selects) {
      if (select.value) this.state.filters[select.dataset.filter] = select.value;
    }
    this.state.sort = this.sortSelect.value;
  }

  writeUrl() {
    const params = new URLSearchParams();
    if (this.state.q) params.set("q", this.state.q);
    for (const select of this.selects) {
      const value = this.state.filters[select.dataset.filter];
      if (value) params.set(select.name, value);
    }
    if (this.state.sort) params.set(this.sortSelect.name, this.state.sort);
    if (this.state.allYears) params.set(ALL_YEARS.param, ALL_YEARS.value);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  // Filter choices come from the index itself, with how many results each would give;
  // years from the manifest, so that a year whose shard is not loaded yet can be chosen.
  // Counted again when more shards are merged.
  async fillFilters() {
    const pagefind = await this.load();
    await this.mergeShards(pagefind);
    const shards = [...this.merged.keys()].join(" ");
    if (this.filtersFor === shards) return;
    this.filtersFor = shards;
    const available = await pagefind.filters();
    if (this.yearSelect && this.shards.length > 1) {
      available[this.yearSelect.dataset.filter] =
        Object.assign({}, ...this.shards.map((s) => s.years));
    }
    for (const select of this.selects) {
      const counts = available[select.dataset.filter] || {};
      const values = Object.keys(counts).sort((a, b) =>
        /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(b) - Number(a) : a.localeCompare(b, "vi"));
      select.replaceChildren(select.options[0],
        ...values.map((value) => new Option(`${value} (${counts[value]})`, value)));
      select.value = this.state.filters[select.dataset.filter] || "";
      select.closest(".filter").hidden = values.length === 0;
    }
  }

  async search(pagefind) {
    const options = {};
    if (Object.keys(this.state.filters).length) options.filters = { ...this.state.filters };
    if (this.state.sort) options.sort = { [this.sortKey]: "desc" };
    const term = this.state.q || null;
    if (this.state.sort) return this.sorted(pagefind, term, options);
    const found = await pagefind.search(term, options);
    if (!term || term.includes('"') || !/\s/.test(term)) return found.results;
    // Pagefind matches each word anywhere on the page; results holding the words
    // side by side ("Sở Nội vụ", not "số … nội bộ … nhiệm vụ") come first.
    const phrases = await Promise.all(
      phraseVariants(term).map((p) => pagefind.search(`"${p}"`, options)));
    const together = new Set(phrases.flatMap((p) => p.results.map((r) => r.id)));
    return [...found.results.filter((r) => together.has(r.id)),
      ...found.results.filter((r) => !together.has(r.id))];
  }

  // Pagefind merges the results of several shards by score, which under a sort is only
  // each result's rank within its own shard. The shards hold different years, so asking
  // one shard's years at a time, newest first, then the undated pages, keeps the order.
  async sorted(pagefind, term, options) {
    const key = this.yearSelect?.dataset.filter;
    const shards = this.searchedShards();
    if (shards.length < 2 || !key || options.filters?.[key]) {
      return (await pagefind.search(term, options)).results;
    }
    const years = shards.map((s) => Object.keys(s.years));
    const parts = await Promise.all([...years.map((any) => ({ any })), { none: years.flat() }]
      .map((only) => pagefind.search(term, { ...options, filters: { ...options.filters, [key]: only } })));
    return parts.flatMap((p) => p.results);
  }

  async update() {
    const run = ++this.run;
    this.writeUrl();
    if (!this.state.q && !Object.keys(this.state.filters).length) {
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = "";
      return;
    }
    this.status.textContent = this.message("loading");
    try {
      const pagefind = await this.load();
      await this.mergeShards(pagefind);
      if (this.filtersFor !== null) await this.fillFilters();
      const results = await this.search(pagefind);
      if (run !== this.run) return;
      this.results = results;
      this.shown = 0;
      this.list.replaceChildren();
      await this.showMore(run);
      if (run !== this.run) return;
      this.announce();
    } catch (error) {
      console.warn("Minh Bạch: tìm kiếm lỗi", error);
      if (run === this.run) this.status.textContent = this.message("error");
    }
  }

  announce() {
    const n = this.results.length;
    const q = this.state.q;
    if (n === 0) {
      this.status.textContent = this.message("none", { q });
    } else {
      const count = new Intl.NumberFormat("vi").format(n);
      this.status.textContent = q ? this.message("results", { n: count, q })
        : this.message("filtered", { n: count });
    }
  }

  async showMore(run) {
    const slice = this.results.slice(this.shown, this.shown + this.pageSize);
    const data = await Promise.all(slice.map((r) => r.data()));
    if (run !== this.run) return null;
    const terms = queryTerms(this.state.q);
    const items = data.map((d) => this.item(d, terms));
    this.list.append(...items);
    this.shown += slice.length;
    const left = this.results.length - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = this.message("more", { n: left });
    return items[0] || null;
  }

  item(data, terms) {
    const filters = data.filters || {};
    const all = (param) => {
      const select = this.selects.find((s) => s.name === param);
      return select ? filters[select.dataset.filter] || [] : [];
    };
    const first = (param) => all(param)[0];
    const title = shortened(data.meta?.title || data.url);
    const li = element("li", "result");
    const kind = first(SHOWN.type);
    if (kind) li.append(element("p", "result-type", kind));
    const heading = element("h2", "result-title");
    const link = element("a", "", title);
    link.href = data.url;
    heading.append(link);
    li.append(heading);
    li.append(this.metaLine(first, all, title));
    const excerpt = element("p", "result-excerpt");
    excerpt.append(...highlighted(excerptWords(data.content || "", terms), terms));
    li.append(excerpt);
    const sections = (data.sub_results || [])
      .filter((s) => s.anchor && s.url !== data.url && s.title !== title).slice(0, SUB_RESULTS);
    if (sections.length) li.append(this.sections(sections, terms));
    return li;
  }

  metaLine(first, all, title) {
    const line = element("p", "result-meta");
    const plan = first(SHOWN.document);
    const parts = [plan && !title.startsWith(plan) ? plan : null,
      first(SHOWN.issuer), first(SHOWN.year)].filter(Boolean);
    line.append(parts.join(" · "));
    const validity = first(SHOWN.validity);
    if (validity) line.append(" ", element("span", `badge status-${slug(validity)}`, validity));
    for (const value of all(SHOWN.status)) {
      const late = value === this.root.dataset.late;
      line.append(" ", element("span", late ? "late-flag" : `st st-${slug(value)}`, value));
    }
    return line.childNodes.length && line.textContent.trim() ? line : document.createTextNode("");
  }

  sections(subResults, terms) {
    const list = element("ul", "result-sections");
    list.setAttribute("aria-label", this.message("sections"));
    for (const sub of subResults) {
      const li = element("li");
      const link = element("a", "", sub.title);
      link.href = sub.url;
      const words = plainText(sub.excerpt || "").split(/\s+/).filter(Boolean);
      li.append(link, ": ", ...highlighted(words, terms));
      list.append(li);
    }
    return list;
  }

  listen() {
    let timer = 0;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      this.readForm();
      this.update();
    });
    this.input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { this.readForm(); this.update(); }, 300);
    });
    this.input.addEventListener("focus", () => { this.load().catch(() => {}); }, { once: true });
    for (const select of [...this.selects, this.sortSelect]) {
      select.addEventListener("change", () => { this.readForm(); this.update(); });
    }
    this.details.addEventListener("toggle", () => {
      if (this.details.open) this.fillFilters().catch((e) => console.warn(e));
    });
    this.allYears.addEventListener("click", async () => {
      this.state.allYears = true;
      await this.update();
      // The button is gone: keyboard users go on from the first result.
      (this.list.querySelector("a") || this.input).focus();
    });
    this.more.addEventListener("click", async () => {
      const first = await this.showMore(this.run);
      // Keyboard users continue from the first new result, not from the button.
      first?.querySelector("a")?.focus();
    });
  }
}

async function start(rootNode) {
  const page = new SearchPage(rootNode);
  rootNode.hidden = false;
  page.readUrl();
  page.listen();
  if (Object.keys(page.state.filters).length) {
    page.details.open = true;
    await page.fillFilters().catch((e) => console.warn(e));
  }
  if (page.state.q || Object.keys(page.state.filters).length) await page.update();
}

const root = document.getElementById("search");
if (root) start(root);
