// Bench page for <allmende-doc>: opens the document named in the query from the relay that
// serves this page, as a host app would embed the element.
import '@allmende/doc';
import { installBenchApi } from './bench-api.js';

const params = new URLSearchParams(location.search);
const element = document.createElement('allmende-doc');
element.setAttribute('relay', params.get('relay') ?? `ws://${location.host}`);
element.setAttribute('document', params.get('document') ?? '');
element.setAttribute('user-name', 'Bench user');
document.querySelector('#stage')!.append(element);
installBenchApi(() => element.view);
