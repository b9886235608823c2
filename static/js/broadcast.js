/* Live broadcasts of press conferences (templates/pressroom/press_conference_page.html).

   The page's <video data-live-stream> holds the stream's HLS address in a <source>, which a browser
   that plays HLS itself may play without any script. Where the browser has Media Source Extensions,
   hls.js (static/js/vendor/hls.min.js, served from the site) plays it instead; the page's link to the
   stream stays for everyone else. Nothing is asked of any other host: the stream is on the site's
   own host (the editors' form refuses another) and the site's CSP allows media from it and blob:. */
(function () {
  "use strict";

  function play(video) {
    var source = video.querySelector("source");
    if (!source || !window.Hls || !window.Hls.isSupported()) {
      video.dataset.player = source && video.canPlayType(source.type) ? "native" : "none";
      return;
    }
    var address = source.src;
    source.remove();
    // No worker: hls.js would start it from a blob: URL, which the site's CSP rightly refuses.
    var hls = new window.Hls({ enableWorker: false });
    hls.on(window.Hls.Events.ERROR, function (_event, data) {
      if (!data.fatal) {
        return;
      }
      hls.destroy();
      var error = video.parentElement.querySelector(".pr-player__error");
      if (error) {
        error.hidden = false;
      }
    });
    hls.loadSource(address);
    hls.attachMedia(video);
    video.dataset.player = "hls.js";
  }

  document.querySelectorAll("video[data-live-stream]").forEach(play);
})();
