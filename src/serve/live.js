// Injected by `marsad serve` only (never by `marsad build`): reloads the page when the site
// has been rebuilt since it was served, and when the server comes back after a restart.
//
// The page knows the site version it was served at (`?v=` on this script's URL); the event
// stream says the current version when it opens and announces each rebuild. A hidden tab
// closes its stream (browsers allow only six connections to a server) and reopens it, and
// reloads if the site changed, when it is shown again.
(() => {
  const served = new URL(document.currentScript.src).searchParams.get("v");
  let source = null;
  const open = () => {
    if (source) return;
    source = new EventSource("/__marsad/events");
    source.addEventListener("version", (event) => {
      if (event.data !== served) window.location.reload();
    });
    source.addEventListener("reload", () => window.location.reload());
  };
  const close = () => {
    if (source) source.close();
    source = null;
  };
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) close();
    else open();
  });
  if (!document.hidden) open();
})();
