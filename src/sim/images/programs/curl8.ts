/** curl as curlimages/curl builds it: the shared program with the image's curl version (`curl/8.11.1` in access logs). */
import { curlProgram } from '../../shell/commands/net/curl';
import { CURL_VERSION } from '../curl';

export const curl8 = curlProgram(CURL_VERSION);
