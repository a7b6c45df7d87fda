// Live countdowns: any element with data-deadline (an ISO instant) shows the time left and turns red when overdue.
(function () {
  function format(ms) {
    const late = ms < 0;
    let s = Math.abs(Math.floor(ms / 1000));
    const d = Math.floor(s / 86400); s -= d * 86400;
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60);
    const text = (d ? d + "d " : "") + h + "h " + String(m).padStart(2, "0") + "m";
    return late ? "overdue by " + text : text + " left";
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      const ms = Date.parse(el.getAttribute("data-deadline")) - now;
      el.textContent = format(ms);
      el.classList.toggle("overdue", ms < 0);
      el.classList.toggle("soon", ms >= 0 && ms < 24 * 3600 * 1000);
    });
  }
  tick();
  setInterval(tick, 30000);
})();
