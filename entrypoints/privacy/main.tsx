/// <reference types="vite/client" />
import { render } from 'preact';
import '../../components/theme.css';
import '../../components/options.css';
import '../../components/privacy.css';
import { PrivacyPolicy } from '../../components/PrivacyPolicy';

const root = document.getElementById('root');
if (root) render(<PrivacyPolicy />, root);
