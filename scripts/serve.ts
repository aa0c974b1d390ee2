/** `npm start`: serves dist/ at http://127.0.0.1:4321/ (or --dir DIR --port N) like a static host. */
import { parseArgs } from 'node:util';
import { createSiteServer } from './site-server.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } } });
const port = Number(values.port);
createSiteServer(values.dir).listen(port, values.host, () => {
  console.log(`Model Atlas: http://${values.host}:${port}/ (serving ${values.dir}; Ctrl+C stops)`);
});
