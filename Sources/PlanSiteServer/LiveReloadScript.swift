import Foundation

/// The script `serve` adds to every HTML page it sends (never to built files): it listens
/// to the build events, reloads the tab after a new build, and shows a failed build's
/// diagnostics in a box over the page. Inline, with no other script: the site loads
/// nothing from anywhere else.
enum LiveReloadScript {
    static let eventsPath = "/__plansite/events"
    static let marker = "plansite-live-reload"

    static let html = """
        <script id="\(marker)">
        (function () {
          var box = null, build = null;
          function show(text) {
            if (!box) {
              box = document.createElement("div");
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:60vh;overflow:auto;" +
                "z-index:2147483647;margin:0;padding:1rem;background:#fff;color:#1a1a1a;border:3px solid #b00020;" +
                "font:14px/1.5 monospace;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            // textContent: the diagnostics are shown as text, never read as HTML.
            box.textContent = "This edit does not build; the last good site is shown.\\n\\n" + text;
          }
          var events = new EventSource("\(eventsPath)");
          events.onmessage = function (message) {
            var state = JSON.parse(message.data);
            if (state.problems) {
              show(state.problems);
            } else if (build !== null && state.build !== build) {
              location.reload();
              return;
            } else if (box) {
              box.remove();
              box = null;
            }
            build = state.build;
          };
        })();
        </script>

        """

    /// The page with the script before its last `</body>`, or at the end when it has none.
    static func inject(into page: String) -> String {
        guard let range = page.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return page + html }
        var result = page
        result.insert(contentsOf: html, at: range.lowerBound)
        return result
    }
}
