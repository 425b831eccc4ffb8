// Renders the guides' ```mermaid blocks as diagrams in the browser. The page
// carries the diagram's source as a highlighted code block; mermaid is loaded
// only on pages that have one.
(() => {
  const blocks = [...document.querySelectorAll('pre > code.mermaid')];
  if (blocks.length === 0) return;
  const base = document.currentScript.src.replace(/mermaid-init\.js(\?.*)?$/, '');
  const script = document.createElement('script');
  script.src = `${base}mermaid.min.js`;
  script.onload = () => {
    for (const code of blocks) {
      // The highlighter turns line breaks into <br>; textContent alone would drop them.
      const source = [...code.childNodes]
        .map((node) => (node.nodeName === 'BR' ? '\n' : node.textContent))
        .join('');
      const diagram = document.createElement('div');
      diagram.className = 'mermaid';
      diagram.textContent = source;
      code.parentElement.replaceWith(diagram);
    }
    const theme = document.documentElement.dataset.theme;
    const dark =
      theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    window.mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'neutral' });
    window.mermaid.run({ querySelector: 'div.mermaid' });
  };
  document.head.append(script);
})();
