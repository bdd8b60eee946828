// Opens the closed sections (<details>) around the element an anchor points at, and that
// row's own details, so a link from the contents, from another page or from a search
// result lands on something visible. Without it the page still works: sections open by
// hand, and CSS shows a targeted row's cells (tr:target).
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  for (let node = target; node; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
  }
  const row = target.querySelector(":scope > td.main details");
  if (row) row.open = true;
  target.scrollIntoView();
}
addEventListener("hashchange", openTarget);
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']");
  if (link && link.hash === location.hash) setTimeout(openTarget);
});
openTarget();

// Printing shows the document whole: open every closed section, close them again after.
addEventListener("beforeprint", () => {
  for (const node of document.querySelectorAll("details:not([open])")) {
    node.open = true;
    node.dataset.openedForPrint = "";
  }
});
addEventListener("afterprint", () => {
  for (const node of document.querySelectorAll("details[data-opened-for-print]")) {
    node.open = false;
    delete node.dataset.openedForPrint;
  }
});
