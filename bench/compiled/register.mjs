// `node --import ./bench/compiled/register.mjs .bench-build/<part>.js`: see product-hooks.mjs.
import { register } from 'node:module';

register('./product-hooks.mjs', import.meta.url);
