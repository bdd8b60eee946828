// Added by `minhbach serve` only, never by `minhbach build`: reload the page once a
// rebuild has finished (the server numbers its builds; this page shows build `data-version`).
(() => {
  const shown = document.currentScript.dataset.version;
  const events = new EventSource("/__minhbach/events");
  events.onmessage = (event) => {
    if (event.data !== shown) {
      events.close();
      location.reload();
    }
  };
})();
