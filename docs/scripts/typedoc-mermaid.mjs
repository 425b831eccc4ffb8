// A typedoc plugin: ships mermaid with the site (no CDN, works offline) and adds
// the small script that turns ```mermaid code blocks into diagrams.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSX, RendererEvent } from 'typedoc';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.hooks.on('body.end', (context) =>
    JSX.createElement('script', {
      src: context.relativeURL('assets/mermaid-init.js'),
      defer: false,
    }),
  );
  app.renderer.on(RendererEvent.END, (event) => {
    const assets = join(event.outputDirectory, 'assets');
    mkdirSync(assets, { recursive: true });
    copyFileSync(require.resolve('mermaid/dist/mermaid.min.js'), join(assets, 'mermaid.min.js'));
    copyFileSync(join(here, '..', 'assets', 'mermaid-init.js'), join(assets, 'mermaid-init.js'));
  });
}
