// The newsfaq page: a thin client of the JSON API. Every string from an
// article, a claim or an answer reaches the page through textContent, never
// innerHTML, so text cannot inject markup or script.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { article: null, source: null, faq: null, renders: {} };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);  // strings become text nodes
  }
  return node;
}

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const data = type.startsWith("application/json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(data.error || `request failed (${response.status})`);
  return data;
}

async function busy(button, message, work) {
  button.disabled = true;
  setStatus(message);
  try {
    await work();
    setStatus("");
  } catch (error) {
    setStatus(error.message, true);
  } finally {
    button.disabled = false;
  }
}

// -- the article: pasted, uploaded or picked from the archive --

function currentSource() {
  const pick = $("archive-pick");
  if (pick && pick.value) return { id: pick.value };
  const text = $("article-text").value;
  if (!text.trim()) throw new Error("Paste an article first (or upload a file).");
  const source = { text, name: $("article-text").dataset.name || "pasted article" };
  if ($("article-date").value) source.date = $("article-date").value;
  return source;
}

async function loadArticle() {
  const source = currentSource();
  if (state.article && JSON.stringify(source) === JSON.stringify(state.source)) return source;
  state.article = await api("/api/parse", { article: source });
  state.source = source;
  showArticle(state.article);
  return source;
}

function showArticle(article) {
  $("article-title").textContent = article.title || "Untitled article";
  $("article-meta").textContent = [article.date ? `Published ${article.date}` : "Undated", article.source]
    .filter(Boolean).join(" · ");
  paintBody([]);
  $("article-input").hidden = true;
  $("article-view").hidden = false;
}

// The body as text segments cut at every cited offset; each segment lists the
// keys (answers, claims) whose evidence covers it.
function paintBody(ranges) {
  const body = state.article.body;
  const cuts = new Set([0, body.length]);
  for (const r of ranges) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= body.length).sort((a, b) => a - b);
  const box = $("article-body");
  box.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const keys = ranges.filter((r) => r.start <= start && end <= r.end).map((r) => r.key);
    box.append(keys.length ? el("span", { dataset: { keys: keys.join(" ") } }, body.slice(start, end))
                           : body.slice(start, end));
  }
}

function light(key, scroll) {
  for (const span of $("article-body").querySelectorAll("span.lit")) span.classList.remove("lit");
  for (const li of document.querySelectorAll(".cards > li.active")) li.classList.remove("active");
  const lit = [...$("article-body").querySelectorAll("span[data-keys]")]
    .filter((span) => span.dataset.keys.split(" ").includes(key));
  for (const span of lit) span.classList.add("lit");
  const card = document.querySelector(`.cards > li[data-key="${key}"]`);
  if (card) card.classList.add("active");
  if (scroll && lit.length) lit[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

function linkCard(card, key) {
  card.dataset.key = key;
  card.tabIndex = 0;
  card.addEventListener("mouseenter", () => light(key, false));
  card.addEventListener("focus", () => light(key, true));
  card.addEventListener("click", () => light(key, true));
}

function cited(article, citation) {
  const name = article.title || article.id;
  return `${name}, ${article.date || "undated"}, sentence ${citation.sentence + 1}`;
}

// -- FAQ --

async function writeFaq() {
  const source = await loadArticle();
  const count = Number($("faq-count").value) || 8;
  state.faq = await api("/api/faq", { article: source, count });
  const ranges = [];
  const list = $("faq-list");
  list.replaceChildren();
  state.faq.items.forEach((item, n) => {
    const key = `q${n}`;
    item.citations.forEach((c) => ranges.push({ start: c.start, end: c.end, key }));
    const where = item.citations.map((c) => `sentence ${c.sentence + 1}`).join(", ");
    const card = el("li", {}, el("h3", {}, item.question), el("p", {}, item.answer),
                    el("p", { class: "cite" }, `Quoted from ${where}`));
    linkCard(card, key);
    list.append(card);
  });
  if (!state.faq.items.length) list.append(el("li", {}, "The article gave no question a grounded answer."));
  if (state.faq.note) list.append(el("li", { class: "meta" }, state.faq.note));  // why the FAQ is short
  paintBody(ranges);
  $("faq-hint").hidden = !state.faq.items.length;
  $("faq-copy").hidden = true;  // shown once both renders are in, so a quick click never copies nothing
  state.renders = {};
  for (const format of ["md", "jsonld"]) {
    state.renders[format] = await api("/api/render", { faq: state.faq, format });
  }
  $("faq-copy").hidden = !state.faq.items.length;
}

async function copy(format, label) {
  const text = state.renders[format];
  if (!text) return;
  const fallback = $("copy-fallback");
  try {
    await navigator.clipboard.writeText(text);
    fallback.hidden = true;
    $("copy-status").textContent = `${label} copied.`;
  } catch {
    fallback.value = text;  // the browser refused the clipboard: select the text for the reader to copy
    fallback.hidden = false;
    fallback.select();
    $("copy-status").textContent = `The browser blocked copying; the ${label} is selected below.`;
  }
}

// -- Check --

function verdictCard(key, question, verdict) {
  const card = el("li", { class: verdict.label });
  if (question) card.append(el("h3", {}, question));
  card.append(el("p", {}, el("span", { class: `badge ${verdict.label}` }, verdict.label), " ",
                 `score ${verdict.score.toFixed(2)}`));
  if (!question) card.append(el("p", {}, verdict.claim));
  const parts = verdict.claims.length ? verdict.claims : [verdict];
  for (const part of parts) {
    const box = el("div", { class: "part" });
    if (verdict.claims.length) {
      box.append(el("p", {}, el("span", { class: `badge ${part.label}` }, part.label), " ", part.claim));
    }
    box.append(el("p", { class: "reason" }, part.reason));
    if (part.evidence.length) {
      const heading = part.label === "supported" ? "Evidence" : "Closest in the article";
      box.append(el("p", { class: "cite" }, heading));
    }
    for (const c of part.evidence) box.append(el("blockquote", {}, c.text));
    card.append(box);
  }
  linkCard(card, key);
  return card;
}

async function runCheck() {
  const source = await loadArticle();
  const text = $("check-text").value.trim();
  const body = { article: source };
  if (text) {
    const kind = document.querySelector('input[name="check-kind"]:checked').value;
    if (kind === "claims") body.claims = text.split("\n").filter((line) => line.trim());
    else body.faq = text;
  }
  const report = await api("/api/check", body);
  const ranges = [];
  const list = $("check-list");
  list.replaceChildren();
  const counts = {};
  report.items.forEach((item, n) => {
    const key = `c${n}`;
    const verdict = item.verdict;
    counts[verdict.label] = (counts[verdict.label] || 0) + 1;
    for (const part of [verdict, ...verdict.claims]) {
      part.evidence.forEach((c) => ranges.push({ start: c.start, end: c.end, key }));
    }
    list.append(verdictCard(key, item.question, verdict));
  });
  paintBody(ranges);
  $("check-summary").textContent = Object.entries(counts).map(([label, n]) => `${n} ${label}`).join(" · ");
}

// -- Ask --

function evidenceBlock(evidence) {
  return el("div", {}, el("blockquote", {}, evidence.citation.text),
            el("p", { class: "cite" }, cited(evidence.article, evidence.citation)));
}

async function runAsk() {
  const question = $("ask-question").value.trim();
  if (!question) throw new Error("Write a question first.");
  const scope = document.querySelector('input[name="ask-scope"]:checked');
  const body = { question };
  if (!scope || scope.value === "article") body.article = await loadArticle();
  if ($("ask-as-of") && $("ask-as-of").value) body.as_of = $("ask-as-of").value;
  const answer = await api("/api/ask", body);
  const box = $("ask-result");
  box.replaceChildren();
  const key = "a0";
  const onPage = answer.evidence.filter((e) => state.article && e.article.id === state.article.id);
  if (answer.answer === null) {
    box.append(el("p", { class: "abstain" }, answer.message));
    for (const e of answer.evidence) box.append(el("p", { class: "meta" }, "Lead:"), evidenceBlock(e));
  } else {
    box.append(el("p", { class: "answer" }, answer.answer),
               el("p", { class: "meta" }, `As of ${answer.as_of || "an undated source"}`));
    for (const e of answer.evidence) box.append(evidenceBlock(e));
    for (const other of answer.alternatives) {
      box.append(el("p", { class: "meta" }, `But as of ${other.as_of}: `, el("strong", {}, other.answer)));
      for (const e of other.evidence) box.append(evidenceBlock(e));
    }
  }
  if (onPage.length) {
    paintBody(onPage.map((e) => ({ start: e.citation.start, end: e.citation.end, key })));
    light(key, true);
  }
}

// -- wiring --

function showView(name) {
  for (const tab of document.querySelectorAll('nav [role="tab"]')) {
    const selected = tab.dataset.view === name;
    tab.setAttribute("aria-selected", String(selected));
    $(`view-${tab.dataset.view}`).hidden = !selected;
  }
}

async function fillArchivePicker() {
  const pick = $("archive-pick");
  if (!pick) return;
  const listing = await api("/api/articles?limit=1000");
  for (const a of listing.articles) {
    pick.append(el("option", { value: a.id }, `${a.date || "undated"} · ${a.title || a.id}`));
  }
}

function resetArticle() {
  state.article = state.source = state.faq = null;
  $("article-view").hidden = true;
  $("article-input").hidden = false;
  for (const id of ["faq-list", "check-list", "ask-result"]) $(id).replaceChildren();
  $("check-summary").textContent = "";
  $("faq-copy").hidden = $("faq-hint").hidden = $("copy-fallback").hidden = true;
}

document.addEventListener("DOMContentLoaded", () => {
  for (const tab of document.querySelectorAll('nav [role="tab"]')) {
    tab.addEventListener("click", () => showView(tab.dataset.view));
  }
  $("run-faq").addEventListener("click", () => busy($("run-faq"), "Writing the FAQ… (up to a minute when the local model writes the questions)", writeFaq));
  $("run-check").addEventListener("click", () => busy($("run-check"), "Checking…", runCheck));
  $("run-ask").addEventListener("click", () => busy($("run-ask"), "Looking for the answer…", runAsk));
  $("ask-question").addEventListener("keydown", (event) => {
    if (event.key === "Enter") $("run-ask").click();
  });
  $("copy-md").addEventListener("click", () => copy("md", "Markdown"));
  $("copy-jsonld").addEventListener("click", () => copy("jsonld", "JSON-LD"));
  $("edit-article").addEventListener("click", resetArticle);
  $("article-file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    $("article-text").value = await file.text();
    $("article-text").dataset.name = file.name;  // its suffix tells the server the format
  });
  $("article-text").addEventListener("input", () => { delete $("article-text").dataset.name; });
  fillArchivePicker().catch((error) => setStatus(error.message, true));
});
