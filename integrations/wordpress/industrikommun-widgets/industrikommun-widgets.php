<?php
/**
 * Plugin Name:       Industrikommun Widgets
 * Plugin URI:        https://www.npmjs.com/package/industrikommun-widgets
 * Description:       The Industrial Municipalities' contact card, manifesto card and "tell a friend" form: three blocks, the elements allowed for Editors and Authors, and the script loaded only on pages that use them.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Industrikommunerna
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Update URI:        https://www.npmjs.com/package/industrikommun-widgets
 * Text Domain:       industrikommun-widgets
 * Domain Path:       /languages
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/** This file, for plugins_url(). */
const INDUSTRIKOMMUN_WIDGETS_FILE = __FILE__;

/** The plugin's folder, with a trailing slash. */
const INDUSTRIKOMMUN_WIDGETS_DIR = __DIR__ . '/';

require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/addresses.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/script.php';
require_once __DIR__ . '/includes/blocks.php';

add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'industrikommun_widgets_action_links' );

/**
 * Loads the plugin's translations (languages/, built from the .po files by
 * `npm run build:wordpress`): the blocks' names and descriptions and the
 * settings page in PHP, and the sidebar's fields for the editor script.
 */
function industrikommun_widgets_load_textdomain() {
	load_plugin_textdomain( 'industrikommun-widgets', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
}
add_action( 'init', 'industrikommun_widgets_load_textdomain', 5 );
