// Injected by `marsad serve` only (never by `marsad build`): reloads the page when the
// site has been rebuilt, and when the server comes back after a restart.
(() => {
  const source = new EventSource("/__marsad/events");
  let lost = false;
  source.addEventListener("reload", () => {
    source.close();
    window.location.reload();
  });
  source.addEventListener("error", () => {
    lost = true;
  });
  source.addEventListener("open", () => {
    if (lost) window.location.reload();
  });
})();
