/// <reference types="vite/client" />
import { render } from 'preact';
import '../../components/theme.css';
import '../../components/options.css';
import { OptionsPage } from '../../components/OptionsPage';
import { dataset } from '../../core/rivalry-data';

const root = document.getElementById('root');
if (root) render(<OptionsPage entities={dataset.entities} />, root);
